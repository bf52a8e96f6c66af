// Non-English prose for the embedded sample: short hand-written sentence pools per language, with
// the charsets their pages are served in, so language identification and charset decoding meet
// real German, French, Russian, Japanese and Chinese text.

import type { Rng } from './sample-prng.ts';

export interface Language {
  code: string;
  /** Charsets the pages of this language are encoded in (iconv-lite names), one picked per page. */
  charsets: readonly string[];
  menu: readonly string[];
  footer: string;
  cookie: string;
  titles: readonly string[];
  sentences: readonly string[];
  /** Joins sentences (no space for CJK). */
  joiner: string;
}

export const LANGUAGES: readonly Language[] = [
  {
    code: 'de',
    charsets: ['utf-8', 'iso-8859-1'],
    menu: ['Startseite', 'Über uns', 'Aktuelles', 'Kontakt', 'Impressum'],
    footer: 'Alle Rechte vorbehalten. Datenschutz und Impressum.',
    cookie: 'Diese Website verwendet Cookies. Mit der weiteren Nutzung stimmen Sie der Verwendung zu.',
    titles: ['Der Garten im Frühling', 'Eine Reise nach Hamburg', 'Warum wir mehr lesen sollten', 'Die Geschichte der Brücke', 'Brot backen für Anfänger', 'Wandern in den Alpen'],
    sentences: [
      'Im Frühling beginnt die Arbeit im Garten schon am frühen Morgen.',
      'Die alte Brücke über den Fluss wurde im neunzehnten Jahrhundert gebaut.',
      'Viele Menschen fahren am Wochenende mit dem Zug in die Berge.',
      'Unsere Nachbarn haben im letzten Jahr ein kleines Café eröffnet.',
      'Für ein gutes Brot braucht man Mehl, Wasser, Salz und viel Geduld.',
      'Der Weg durch den Wald ist im Herbst besonders schön.',
      'Die Schüler haben im Museum eine Ausstellung über die Stadtgeschichte gesehen.',
      'Am Abend treffen sich die Freunde auf dem Marktplatz.',
      'Es ist nicht immer leicht, eine Wohnung in der Innenstadt zu finden.',
      'Die Bibliothek bleibt während der Ferien geschlossen.',
      'Nach dem Regen riecht die Luft nach Erde und Gras.',
      'Ich habe das Buch in zwei Tagen gelesen, weil es so spannend war.',
      'Die Großmutter erzählt gern Geschichten aus ihrer Kindheit.',
      'Im Winter frieren die kleinen Seen oft vollständig zu.',
      'Wer früh aufsteht, hat mehr Zeit für die wichtigen Dinge.',
      'Der Bäcker an der Ecke verkauft die besten Brötchen der Stadt.',
    ],
    joiner: ' ',
  },
  {
    code: 'fr',
    charsets: ['utf-8', 'iso-8859-1'],
    menu: ['Accueil', 'À propos', 'Actualités', 'Contact', 'Mentions légales'],
    footer: 'Tous droits réservés. Politique de confidentialité.',
    cookie: 'Ce site utilise des cookies pour améliorer votre expérience. En continuant, vous acceptez leur utilisation.',
    titles: ['Le marché du samedi', 'Une semaine en Bretagne', 'La cuisine de ma grand-mère', 'Histoire du vieux port', 'Apprendre le piano à quarante ans'],
    sentences: [
      'Le marché du samedi attire les habitants de tout le quartier.',
      'Nous avons passé une semaine au bord de la mer en Bretagne.',
      'La recette de la tarte aux pommes vient de ma grand-mère.',
      'Le vieux port a été reconstruit après la guerre.',
      'Il faut beaucoup de patience pour apprendre un nouvel instrument.',
      'Les enfants jouent dans le parc jusqu\'à la tombée de la nuit.',
      'Le train pour Lyon part tous les matins à sept heures.',
      'Cette petite église date du douzième siècle.',
      'On trouve les meilleurs fromages chez le marchand près de la place.',
      'Pendant l\'hiver, le village devient très calme.',
      'Mon voisin répare des vélos anciens dans son garage.',
      'La bibliothèque municipale propose des ateliers pour les enfants.',
      'Nous avons marché pendant trois heures sous un soleil agréable.',
      'Le café du coin est toujours plein le dimanche matin.',
      'Les étudiants préparent leurs examens à la fin du semestre.',
    ],
    joiner: ' ',
  },
  {
    code: 'ru',
    charsets: ['windows-1251', 'utf-8'],
    menu: ['Главная', 'О нас', 'Новости', 'Контакты', 'Карта сайта'],
    footer: 'Все права защищены. Политика конфиденциальности.',
    cookie: 'Этот сайт использует файлы cookie. Продолжая просмотр, вы соглашаетесь с их использованием.',
    titles: ['Весна на даче', 'Путешествие по Волге', 'Как испечь хлеб дома', 'История старого моста', 'Зимняя рыбалка'],
    sentences: [
      'Весной на даче всегда много работы в саду и в огороде.',
      'Мы отправились в путешествие по Волге на небольшом теплоходе.',
      'Домашний хлеб получается вкусным, если тесто долго отдыхает.',
      'Старый мост через реку построили более ста лет назад.',
      'Зимой рыбаки выходят на лёд рано утром.',
      'В городской библиотеке открылась новая выставка старых книг.',
      'Бабушка любит рассказывать истории о своём детстве.',
      'Летом в парке проходят концерты под открытым небом.',
      'Поезд в Москву отправляется каждый вечер в девять часов.',
      'Осенью лес становится жёлтым и красным.',
      'Наш сосед чинит старые велосипеды в своём гараже.',
      'Студенты готовятся к экзаменам в конце семестра.',
      'После дождя в воздухе пахнет травой и землёй.',
      'На рынке можно купить свежие овощи и мёд.',
    ],
    joiner: ' ',
  },
  {
    code: 'ja',
    charsets: ['shift_jis', 'utf-8'],
    menu: ['ホーム', '会社概要', 'お知らせ', 'お問い合わせ', 'サイトマップ'],
    footer: '著作権は当サイトに帰属します。プライバシーポリシー。',
    cookie: '当サイトではクッキーを使用しています。閲覧を続けることで同意したものとみなされます。',
    titles: ['春の庭づくり', '京都の小さな旅', '家で作るパン', '古い橋の歴史', '冬の山歩き'],
    sentences: [
      '春になると庭の手入れが忙しくなります。',
      '週末に電車で京都の古いお寺を訪ねました。',
      '家でパンを焼くときは生地をゆっくり休ませることが大切です。',
      'この橋は百年以上前に建てられました。',
      '冬の山は静かで、空気がとても澄んでいます。',
      '図書館では子ども向けの読書会が毎月開かれています。',
      '祖母は昔の話をするのが大好きです。',
      '夏には川沿いで花火大会が行われます。',
      '駅の近くに新しいパン屋が開店しました。',
      '秋の紅葉を見に多くの人が山を訪れます。',
      '近所の人が古い自転車を修理してくれました。',
      '雨の後は土と草の匂いがします。',
      '市場では新鮮な野菜と魚が売られています。',
    ],
    joiner: '',
  },
  {
    code: 'zh',
    charsets: ['gb18030', 'utf-8'],
    menu: ['首页', '关于我们', '新闻', '联系我们', '网站地图'],
    footer: '版权所有。隐私政策。',
    cookie: '本网站使用 Cookie 来改善您的体验。继续浏览即表示您同意。',
    titles: ['春天的花园', '长江之旅', '在家做面包', '老桥的历史', '冬天的山路'],
    sentences: [
      '春天到了，花园里的工作变得越来越多。',
      '我们坐船沿着长江旅行了一个星期。',
      '在家做面包的时候，面团需要充分发酵。',
      '这座老桥已经有一百多年的历史了。',
      '冬天的山里非常安静，空气也很清新。',
      '图书馆每个月都会为孩子们举办读书活动。',
      '奶奶很喜欢讲她小时候的故事。',
      '夏天的晚上，公园里有很多人散步。',
      '火车站附近新开了一家小饭馆。',
      '秋天的时候，很多人去山上看红叶。',
      '邻居帮我修好了那辆旧自行车。',
      '下过雨以后，空气里有泥土和青草的味道。',
      '市场上可以买到新鲜的蔬菜和水果。',
    ],
    joiner: '',
  },
];

/** A paragraph of `n` sentences drawn from the language's pool. */
export function foreignParagraph(rng: Rng, lang: Language, n: number): string {
  return rng.sample(lang.sentences, n).join(lang.joiner);
}
