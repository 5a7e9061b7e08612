import { App } from 'cdk8s';
import { GuideChart } from './guide-chart';

const app = new App();
new GuideChart(app, 'myapp');
app.synth();
