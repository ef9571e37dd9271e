// How each function is said to staff: always as a hypothesis to check with the student, family and
// team, never as a diagnosis (DOMAIN.md: "functions as hypotheses with the evidence that suggests
// them"; MEXT 2019: futoko is not misbehaviour).
import type { FunctionCode, Localized } from '../types.ts';

export const STATEMENTS: Record<FunctionCode, Localized> = {
  F1: {
    ja: '登校にともなう不安や体の不調など、つらい気持ちを避けたい気持ちが登校を難しくしている可能性があります（仮説）。',
    en: 'Attendance may be hard because school brings on distress (worry, low mood or physical symptoms) that the student wants to avoid (a hypothesis to check, not a diagnosis).',
  },
  F2: {
    ja: 'テストや発表、周りの目や友人関係など、人から評価される場面や対人関係の場面を避けたい気持ちが登校を難しくしている可能性があります（仮説）。',
    en: 'Attendance may be hard because the student wants to escape social or evaluative situations such as tests, presentations, peers or being watched (a hypothesis to check, not a diagnosis).',
  },
  F3: {
    ja: '保護者のそばにいたい、気にかけてほしいという気持ちが登校を難しくしている可能性があります（仮説）。',
    en: 'Attendance may be hard because the student wants to be with a parent and to have their attention (a hypothesis to check, not a diagnosis).',
  },
  F4: {
    ja: 'ゲームや睡眠、家での自由な時間など学校の外の楽しみが登校より魅力的になっていることが、登校を難しくしている可能性があります（仮説）。',
    en: 'Attendance may be hard because things outside school, such as games, sleep or free time at home, have become more rewarding than school (a hypothesis to check, not a diagnosis).',
  },
};
