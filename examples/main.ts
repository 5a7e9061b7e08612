import { App } from 'cdk8s';
import { AdoptChart } from './adopt-chart';
import { GALLERY } from './gallery';
import { GuideChart } from './guide-chart';

const app = new App();
new GuideChart(app, 'myapp');
new AdoptChart(app, 'adopt');
for (const { id, build } of GALLERY) build(app, id);
app.synth();
