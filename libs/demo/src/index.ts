export { DEMO_ADMIN, DEMO_PASSWORD, type DemoReport, DemoSeeder } from './demo-seeder';
export { DemoModule } from './demo.module';
export { BATCHES, buildNeeds, ENTERPRISES } from './catalogue';
