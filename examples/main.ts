import { App } from 'cdk8s';
import { GALLERY } from './gallery';
import { GuideChart } from './guide-chart';

const app = new App();
new GuideChart(app, 'myapp');
for (const { id, build } of GALLERY) build(app, id);
app.synth();
