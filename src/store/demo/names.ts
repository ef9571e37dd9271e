// Japanese names with their hiragana readings. Family names come roughly in order of how common
// they are and are drawn with a falling weight, so 佐藤, 鈴木 and 田中 recur across the school and
// "which 佐藤?" questions arise naturally, as they do in a real school.

export interface NameEntry {
  kanji: string;
  kana: string;
}

const parse = (list: string): NameEntry[] =>
  list
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [kanji, kana] = pair.split(':');
      if (!kanji || !kana) throw new Error(`bad name entry: ${pair}`);
      return { kanji, kana };
    });

export const FAMILY_NAMES: readonly NameEntry[] = parse(`
佐藤:さとう 鈴木:すずき 高橋:たかはし 田中:たなか 伊藤:いとう 渡辺:わたなべ 山本:やまもと 中村:なかむら
小林:こばやし 加藤:かとう 吉田:よしだ 山田:やまだ 佐々木:ささき 山口:やまぐち 松本:まつもと 井上:いのうえ
木村:きむら 林:はやし 斎藤:さいとう 清水:しみず 山崎:やまざき 森:もり 池田:いけだ 橋本:はしもと
阿部:あべ 石川:いしかわ 山下:やました 中島:なかじま 石井:いしい 小川:おがわ 前田:まえだ 岡田:おかだ
長谷川:はせがわ 藤田:ふじた 後藤:ごとう 近藤:こんどう 村上:むらかみ 遠藤:えんどう 青木:あおき 坂本:さかもと
斉藤:さいとう 福田:ふくだ 太田:おおた 西村:にしむら 藤井:ふじい 金子:かねこ 岡本:おかもと 藤原:ふじわら
中野:なかの 三浦:みうら 原田:はらだ 中川:なかがわ 松田:まつだ 竹内:たけうち 小野:おの 田村:たむら
中山:なかやま 和田:わだ 石田:いしだ 森田:もりた 上田:うえだ 原:はら 内田:うちだ 柴田:しばた
酒井:さかい 宮崎:みやざき 横山:よこやま 高木:たかぎ 安藤:あんどう 宮本:みやもと 大野:おおの 小島:こじま
谷口:たにぐち 今井:いまい 工藤:くどう 高田:たかだ 増田:ますだ 丸山:まるやま 杉山:すぎやま 村田:むらた
大塚:おおつか 新井:あらい 小山:こやま 平野:ひらの 藤本:ふじもと 河野:こうの 上野:うえの 野口:のぐち
武田:たけだ 松井:まつい 千葉:ちば 岩崎:いわさき 菅原:すがわら 木下:きのした 久保:くぼ 佐野:さの
野村:のむら 松尾:まつお 市川:いちかわ 菊地:きくち 杉本:すぎもと 古川:ふるかわ 大西:おおにし 島田:しまだ
`);

export const BOY_NAMES: readonly NameEntry[] = parse(`
陽翔:はると 蓮:れん 湊:みなと 悠真:ゆうま 颯太:そうた 悠人:ゆうと 大翔:ひろと 陽太:ようた
樹:いつき 奏太:かなた 結翔:ゆいと 朝陽:あさひ 蒼:あおい 律:りつ 大和:やまと 悠斗:ゆうと
陸:りく 海斗:かいと 翔太:しょうた 拓海:たくみ 健太:けんた 颯:はやて 直樹:なおき 翼:つばさ
晴:はる 蒼空:そら 悠:ゆう 瑛太:えいた 隼人:はやと 航:わたる 優斗:ゆうと 涼介:りょうすけ
大輝:だいき 和真:かずま 光:ひかる 慎之介:しんのすけ 匠:たくみ 啓太:けいた 遥斗:はると 新:あらた
智也:ともや 雄大:ゆうだい 誠:まこと 健:けん 太一:たいち 秀平:しゅうへい 駿:しゅん 亮:りょう
`);

export const GIRL_NAMES: readonly NameEntry[] = parse(`
結衣:ゆい 陽葵:ひまり 芽依:めい 葵:あおい さくら:さくら 美咲:みさき 凛:りん 結菜:ゆいな
愛莉:あいり 紬:つむぎ 莉子:りこ 心春:こはる 美桜:みお 杏:あん 咲良:さくら 彩花:あやか
花音:かのん 楓:かえで 七海:ななみ 結愛:ゆあ 菜々子:ななこ 美月:みづき 真央:まお 琴音:ことね
千尋:ちひろ 遥:はるか 朱里:あかり 優奈:ゆうな 詩織:しおり 小春:こはる 沙羅:さら 日菜:ひな
理央:りお 彩乃:あやの 萌:もえ 奈央:なお 舞:まい 美羽:みう 柚希:ゆずき 栞:しおり
和奏:わかな 澪:みお 亜美:あみ 夏帆:かほ 若菜:わかな 瑞希:みずき 桃子:ももこ 友香:ともか
`);

/** Given names for adults (staff), who were named a generation earlier. */
export const MAN_NAMES: readonly NameEntry[] = parse(`
健一:けんいち 誠:まこと 浩:ひろし 翔:しょう 隆:たかし 大輔:だいすけ 和也:かずや 拓也:たくや
直人:なおと 剛:つよし 哲也:てつや 修:おさむ 学:まなぶ 達也:たつや 聡:さとし 雅之:まさゆき
`);

export const WOMAN_NAMES: readonly NameEntry[] = parse(`
由美:ゆみ 直子:なおこ 恵:めぐみ 智子:ともこ 裕子:ゆうこ 美穂:みほ 麻衣:まい 綾:あや
久美子:くみこ 真由美:まゆみ 香織:かおり 陽子:ようこ 奈美:なみ 千夏:ちなつ 恵美:えみ 明日香:あすか
`);

/** Zipf-like weights: the tenth name is about a third as common as the first. */
export const FAMILY_NAME_WEIGHTS: readonly (readonly [NameEntry, number])[] = FAMILY_NAMES.map((n, i) => [n, 1 / Math.sqrt(i + 1)] as const);
