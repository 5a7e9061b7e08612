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

/** TestIsDNS1123Subdomain badValues. */
export const DNS1123_SUBDOMAIN_BAD: string[] = [
  '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
  '-', 'a-', '-a', '1-', '-1',
  '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
  '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2',
  ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
  'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A',
  'A.1', 'aB.1', 'A1.1', '1A.1',
  '0.A', '01.A', '012.A', '1A.a', '1a.A',
  'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee',
  'a@b', 'a,b', 'a_b', 'a;b',
  'a:b', 'a%b', 'a?b', 'a$b',
  'a'.repeat(254),
];
