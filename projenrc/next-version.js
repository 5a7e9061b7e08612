// projen's `bump` runs this with $LATEST_TAG set to the newest release tag, or
// to the seed v0.0.0 when nothing was released yet. Print the version of the
// first release (0.1.0) then; print nothing afterwards, so the conventional
// commits since the last tag decide (feat: minor, fix: patch, ...).
const latest = process.env.LATEST_TAG ?? '';
if (latest === '' || latest === 'v0.0.0') {
  process.stdout.write('0.1.0');
}
