// The publications and official guidance the strategy library rests on. Each is a real, citable
// work; a strategy cites the ones that describe it (DOMAIN.md lists the framework behind them).

export const KEARNEY_ALBANO_2007 =
  'Kearney, C. A., & Albano, A. M. (2007). When Children Refuse School: A Cognitive-Behavioral Therapy Approach. Therapist Guide (2nd ed.). Oxford University Press.';
export const KEARNEY_2008_REVIEW =
  'Kearney, C. A. (2008). School absenteeism and school refusal behavior in youth: A contemporary review. Clinical Psychology Review, 28(3), 451-471.';
export const KEARNEY_2008_GUIDE =
  'Kearney, C. A. (2008). Helping School Refusing Children and Their Parents: A Guide for School-Based Professionals. Oxford University Press.';
export const HEYNE_SAUTER_2013 =
  'Heyne, D., & Sauter, F. M. (2013). School refusal. In C. A. Essau & T. H. Ollendick (Eds.), The Wiley-Blackwell Handbook of the Treatment of Childhood and Adolescent Anxiety (pp. 471-517). Wiley-Blackwell.';
export const HEYNE_2014 =
  'Heyne, D., Sauter, F. M., Ollendick, T. H., van Widenfelt, B. M., & Westenberg, P. M. (2014). Developmentally sensitive cognitive behavioral therapy for adolescent school refusal: Rationale and case illustration. Clinical Child and Family Psychology Review, 17(2), 191-215.';
export const HEYNE_ROLLINGS_2002 = 'Heyne, D., & Rollings, S. (2002). School Refusal. BPS Blackwell.';
export const KING_1998 =
  'King, N. J., Tonge, B. J., Heyne, D., Pritchard, M., Rollings, S., Young, D., Myerson, N., & Ollendick, T. H. (1998). Cognitive-behavioral treatment of school-refusing children: A controlled evaluation. Journal of the American Academy of Child and Adolescent Psychiatry, 37(4), 395-403.';
export const MAYNARD_2018 =
  'Maynard, B. R., Heyne, D., Brendel, K. E., Bulanda, J. J., Thompson, A. M., & Pigott, T. D. (2018). Treatment for school refusal among children and adolescents: A systematic review and meta-analysis. Research on Social Work Practice, 28(1), 56-67.';

export const MEXT_2019 = '文部科学省 (2019)「不登校児童生徒への支援の在り方について（通知）」元文科初第698号（令和元年10月25日）';
export const MEXT_2019_OUTSIDE =
  '文部科学省 (2019)「不登校児童生徒への支援の在り方について（通知）」別記1「義務教育段階の不登校児童生徒が学校外の公的機関や民間施設において相談・指導を受けている場合の指導要録上の出欠の取扱いについて」';
export const MEXT_2019_ICT =
  '文部科学省 (2019)「不登校児童生徒への支援の在り方について（通知）」別記2「不登校児童生徒が自宅においてIT等を活用した学習活動を行った場合の指導要録上の出欠の取扱いについて」';
export const COCOLO_2023 = '文部科学省 (2023)「誰一人取り残されない学びの保障に向けた不登校対策（COCOLOプラン）」（令和5年3月31日）';
export const KAKUHO_2016 = '義務教育の段階における普通教育に相当する教育の機会の確保等に関する法律（教育機会確保法、平成28年法律第105号）';
export const TEIYO_2022 = '文部科学省 (2022)『生徒指導提要（改訂版）』第10章「不登校」';
export const TEIYO_2022_SUICIDE = '文部科学省 (2022)『生徒指導提要（改訂版）』第8章「自殺」';
export const SOUDAN_2017 =
  '教育相談等に関する調査研究協力者会議 (2017)「児童生徒の教育相談の充実について〜学校の教育力を高める組織的な教育相談体制づくり〜（報告）」文部科学省';
export const NURSE_2017 = '文部科学省 (2017)『現代的健康課題を抱える子供たちへの支援〜養護教諭の役割を中心として〜』';
export const SUICIDE_PREVENTION_2009 = '文部科学省 (2009)『教師が知っておきたい子どもの自殺予防』';
export const BULLYING_2013 = 'いじめ防止対策推進法（平成25年法律第71号）; 文部科学大臣決定「いじめの防止等のための基本的な方針」（2013年、2017年改定）';
export const KAWAMURA_QU = '河村茂雄 (2006)『学級づくりのためのQ-U入門：「楽しい学校生活を送るためのアンケート」活用ガイド』図書文化社';

export const STANLEY_BROWN_2012 =
  'Stanley, B., & Brown, G. K. (2012). Safety Planning Intervention: A brief intervention to mitigate suicide risk. Cognitive and Behavioral Practice, 19(2), 256-264.';
export const CHECK_AND_CONNECT =
  'Sinclair, M. F., Christenson, S. L., Evelo, D. L., & Hurley, C. M. (1998). Dropout prevention for youth with disabilities: Efficacy of a sustained school engagement procedure. Exceptional Children, 65(1), 7-21; Christenson, S. L., et al. (2012). Check & Connect: A Comprehensive Student Engagement Intervention Manual. University of Minnesota, Institute on Community Integration.';
export const CICO_2010 =
  'Crone, D. A., Hawken, L. S., & Horner, R. H. (2010). Responding to Problem Behavior in Schools: The Behavior Education Program (2nd ed.). Guilford Press.';
export const ROGERS_FELLER_2018 =
  "Rogers, T., & Feller, A. (2018). Reducing student absences at scale by targeting parents' misbeliefs. Nature Human Behaviour, 2(5), 335-342.";
export const ATTENDANCE_WORKS = 'Attendance Works: tiered attendance supports (Tier 1 universal, Tier 2 early intervention, Tier 3 intensive), attendanceworks.org.';
export const COOK_2018 =
  'Cook, C. R., Fiat, A., Larson, M., Daikos, C., Slemrod, T., Holland, E. A., Thayer, A. J., & Renshaw, T. (2018). Positive greetings at the door: Evaluation of a low-cost, high-yield proactive classroom management strategy. Journal of Positive Behavior Interventions, 20(3), 149-159.';
export const BARTEL_2015 =
  'Bartel, K. A., Gradisar, M., & Williamson, P. (2015). Protective and risk factors for adolescent sleep: A meta-analytic review. Sleep Medicine Reviews, 21, 72-85.';
export const SSIS_2008 = 'Elliott, S. N., & Gresham, F. M. (2008). Social Skills Improvement System (SSIS): Intervention Guide. Pearson.';

export const cite = (...sources: string[]): string => sources.join(' / ');
