// Name cases from Kubernetes' own tests, shared by every test of a rule built on
// them. k8s: staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go

/** TestIsDNS1123Label badValues. */
export const DNS1123_LABEL_BAD: string[] = [
  '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
  '-', 'a-', '-a', '1-', '-1',
  '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
  '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
  ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
  'a'.repeat(64),
];

/** TestIsDNS1035Label badValues: the DNS-1123 label ones, plus names that start with a digit. */
export const DNS1035_LABEL_BAD: string[] = [
  '0', '01', '012', '1a', '1-a', '1--a--b--2',
  ...DNS1123_LABEL_BAD,
];
