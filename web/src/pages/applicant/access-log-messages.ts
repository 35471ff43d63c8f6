// UI texts of the applicant's access-log page (the `accessLog` part of the applicant namespace).
const en = {
  title: 'Who read my data',
  intro:
    'Each time an agency reads your shared record (kept by the Weihai Big Data Bureau) it must say why, and the read is logged. Here is every read, newest first, in plain words: who, which facts, when (China time) and why. Below it, the facts you declined to reuse in an application.',
  reads: 'Reads of your record',
  noReads: 'Nobody has read your record yet.',
  declined: 'Facts you declined to reuse',
  noDeclined: 'You have not declined to reuse any fact.',
  openCase: 'Open case {{id}}',
};

type Texts = typeof en;

const zh: Texts = {
  title: '谁查阅了我的信息',
  intro: '各部门每次查阅您的共享档案（由威海市大数据局保存）都须说明事由，并记入访问记录。以下按时间由近及远列出每次查阅：哪个部门、查阅了哪些信息、何时（北京时间）、为何查阅。下方列出您在申请中拒绝复用的信息。',
  reads: '共享档案查阅记录',
  noReads: '尚无部门查阅过您的共享档案。',
  declined: '您拒绝复用的信息',
  noDeclined: '您尚未拒绝复用任何信息。',
  openCase: '打开办件 {{id}}',
};

export const accessLogMessages = { en, zh };
