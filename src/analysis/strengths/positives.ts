// Strengths staff have already seen: interests, engagement, friends, a trusted adult, wanting to
// take part (observations), and a good relationship with the teacher or family (surveys). A plan
// starts from these (DOMAIN.md); interests become interest-linked goals and ladder steps.
// Urgent (safeguarding) notes are left out: their content is not turned into a strength.
import { latestEnvironment } from '../functions/environment.ts';
import { clausesOf, textHas, type Phrase } from '../functions/text.ts';
import type { EnvironmentInput, EvidenceRef, Localized, ObservationInput, StrengthNote } from '../types.ts';

interface Interest extends Phrase {
  name: Localized;
}

const INTERESTS: Interest[] = [
  { name: { ja: '美術', en: 'art' }, ja: /美術|絵を描|イラスト/, en: /\bart\b|drawing|painting/ },
  { name: { ja: '音楽', en: 'music' }, ja: /音楽|楽器|ピアノ|吹奏楽|ギター/, en: /music|piano|guitar|\bband\b/ },
  { name: { ja: '将棋', en: 'shogi' }, ja: /将棋|囲碁|チェス/, en: /shogi|chess/ },
  { name: { ja: '読書', en: 'reading' }, ja: /読書|本を読/, en: /\breading\b|\bbooks?\b/ },
  { name: { ja: 'スポーツ', en: 'sport' }, ja: /サッカー|野球|バスケ|テニス|バレー|陸上|卓球|水泳|スポーツ/, en: /soccer|football|baseball|basketball|tennis|volleyball|athletics|swimming|\bsports?\b/ },
  { name: { ja: '部活動', en: 'club activities' }, ja: /部活|美術部|吹奏楽部|[ァ-ヶー]+部(?!分)/, en: /\bclub\b/ },
];

interface Positive extends Phrase {
  key: string;
  text: Localized;
}

const POSITIVES: Positive[] = [
  {
    key: 'engaged',
    text: { ja: '打ち込めることや、意欲を見せる場面がある', en: 'shows drive and commitment in some activities' },
    ja: /熱心|頑張って|がんばって|意欲的|進んで|積極的|手伝って|手伝った|取り組んだ|取り組んで/,
    en: /keen|enthusias|helped (with|out)|worked hard|volunteer|eager|committed/,
  },
  {
    key: 'friends',
    text: { ja: '友達と過ごせる場面がある', en: 'has friends to spend time with' },
    ja: /(友達|友人|仲間)と(一緒に|昼食|話し|話せ|遊|過ご|サッカー)|友達とも話/,
    en: /with (his |her |their )?friends|made (a )?friends?/,
  },
  {
    key: 'trusted_adult',
    text: { ja: '安心して話せる大人がいる', en: 'has an adult at school to talk to' },
    ja: /(養護教諭|支援員|担任|先生|カウンセラー|sc)(と|とは)(落ち着いて|安心して)?(話せ|話して|将棋|過ご|一緒)/,
    en: /talk(s|ed)? (to|with) (me|the nurse|the counsel?lor|the teacher|staff)/,
  },
  {
    key: 'smiling',
    text: { ja: '笑顔や落ち着いて過ごせる時間がある', en: 'has calm and smiling times' },
    ja: /笑顔|楽しそう|落ち着いて(話|過ご)/,
    en: /smil|laugh|enjoy|\bhappy\b|\bcalm\b/,
  },
  {
    key: 'wants_to_join',
    text: { ja: '参加したい気持ちを自分の言葉で話している', en: 'says in their own words what they want to take part in' },
    ja: /(出たい|来たい|行きたい|参加したい|やりたい)と(話|言)/,
    en: /wants? to (come|join|attend|take part|go)|would like to (come|join)/,
  },
];

const ENVIRONMENT_STRENGTHS: Record<string, Localized> = {
  teacher_relationship: { ja: '担任との関係が良い（信頼できる大人がいる）', en: 'a good relationship with the homeroom teacher' },
  family_support: { ja: '家庭の支えがある（家庭と協力しやすい）', en: 'support at home (a family to work with)' },
  peer_relations: { ja: '友人関係を前向きに感じている', en: 'feels positive about peer relations' },
};
/** 4 or 5 on the 1-5 survey scale. */
const GOOD = 4;

const ref = (o: ObservationInput, note: string): EvidenceRef => ({ kind: 'observation', id: o.id, date: o.date, note });

export function observationStrengths(observations: readonly ObservationInput[]): StrengthNote[] {
  const notes = observations.filter((o) => o.concern !== 'urgent').map((o) => ({ o, clauses: clausesOf(o.text) }));
  const out: StrengthNote[] = [];

  const interests = INTERESTS.map((i) => ({ i, seen: notes.filter(({ clauses }) => textHas(clauses, i)).map(({ o }) => o) })).filter((x) => x.seen.length > 0);
  if (interests.length > 0) {
    const seen = [...new Map(interests.flatMap((x) => x.seen).map((o) => [o.id, o])).values()].sort((a, b) => a.date.localeCompare(b.date));
    out.push({
      kind: 'strength',
      text: {
        ja: `関心・好きなこと：${interests.map((x) => x.i.name.ja).join('、')}（参加の入り口や目標づくりに使える）`,
        en: `Interests: ${interests.map((x) => x.i.name.en).join(', ')} (a way in, and a source of goals)`,
      },
      evidence: seen.map((o) => ref(o, 'interest mentioned')),
    });
  }
  for (const p of POSITIVES) {
    const seen = notes.filter(({ clauses }) => textHas(clauses, p)).map(({ o }) => o);
    if (seen.length === 0) continue;
    out.push({ kind: 'strength', text: p.text, evidence: seen.map((o) => ref(o, p.key.replace(/_/g, ' '))) });
  }
  return out;
}

export function environmentStrengths(rows: readonly EnvironmentInput[]): StrengthNote[] {
  const latest = latestEnvironment(rows);
  const out: StrengthNote[] = [];
  for (const [factor, text] of Object.entries(ENVIRONMENT_STRENGTHS)) {
    const row = latest.get(factor);
    if (!row || !(Number(row.value) >= GOOD)) continue;
    out.push({ kind: 'strength', text, evidence: [{ kind: 'environment', id: row.id, date: row.assessedOn, note: `${factor.replace(/_/g, ' ')} rated high` }] });
  }
  return out;
}
