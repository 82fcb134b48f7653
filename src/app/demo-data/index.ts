export {
  type DemoOptions,
  type DemoSummary,
  defaultDemoOptions,
  generateDemoData,
  writeDemoData,
} from './demo.generate.js';
export { type DemoFile, demoHeaders } from './demo.output.js';
