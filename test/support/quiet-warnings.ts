// Synth warnings are printed on stderr by default; in the test run they would
// bury the report. Tests of the warnings themselves set the variable they need.
process.env.CDK8S_POD_PATTERNS_WARNINGS = process.env.CDK8S_POD_PATTERNS_WARNINGS ?? 'ignore';
