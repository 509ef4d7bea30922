/**
 * The sites of the synthetic crawl and their chrome: header, navigation, sidebar, footer and cookie
 * banner, in the site's language. Small languages' pages mostly sit on sites whose chrome is in a big
 * language (a blog platform's English, a national portal's French or Russian). The localized chrome
 * strings follow scripts/build-sample-crawl.mjs. Every host is a reserved `.example` name (RFC 2606)
 * and every address a documentation range (RFC 5737).
 */

export interface Site {
  id: string;
  host: string;
  scheme: 'http' | 'https';
  ip: string;
  server: string;
  /** Where the URL names the page's language: `/ha/…`, `ha.host/…`, or `?lang=ha`. */
  urlStyle: 'path' | 'subdomain' | 'query';
  /** Language of the chrome (tag). */
  chromeLang: string;
  siteName: string;
  tagline: string;
  nav: readonly string[];
  cookie: { text: string; accept: string; reject: string; settings: string };
  sidebarTitles: readonly [string, string];
  popular: readonly string[];
  copyright: string;
  footerLinks: readonly string[];
  published: string;
  share: string;
  previous: string;
  next: string;
  headers: ReadonlyArray<readonly [string, string]>;
}

const ENGLISH_LABELS = { published: 'Published', share: 'Share this page:', previous: '‹ Previous', next: 'Next ›' };
const ENGLISH_COOKIE = {
  text: 'We use cookies to improve your experience and to analyse our traffic. By clicking “Accept all”, you consent to our use of cookies.',
  accept: 'Accept all',
  reject: 'Reject',
  settings: 'Cookie settings',
};

/** English-chrome sites, the hosts of most small-language pages. */
export const ENGLISH_SITES: readonly Site[] = [
  {
    id: 'community', host: 'www.community-voices.example', scheme: 'https', ip: '192.0.2.21', server: 'nginx/1.24.0', urlStyle: 'path',
    chromeLang: 'eng_Latn', siteName: 'Community Voices', tagline: 'Stories and news from every community, in every language',
    nav: ['Home', 'News', 'Stories', 'Languages', 'About', 'Contact'], cookie: ENGLISH_COOKIE,
    sidebarTitles: ['Most read', 'Other languages'],
    popular: ['How to submit your story', 'Volunteer translators wanted', 'Our community guidelines'],
    copyright: '© 2024 Community Voices. All rights reserved.',
    footerLinks: ['Privacy policy', 'Terms of use', 'Contact us', 'Sitemap'],
    ...ENGLISH_LABELS,
    headers: [['Cache-Control', 'max-age=600'], ['Vary', 'Accept-Encoding']],
  },
  {
    id: 'blogs', host: 'blogspace.example', scheme: 'https', ip: '198.51.100.42', server: 'Apache/2.4.58 (Debian)', urlStyle: 'subdomain',
    chromeLang: 'eng_Latn', siteName: 'Blogspace', tagline: 'Just another Blogspace site',
    nav: ['Blog', 'Archive', 'Tags', 'Donate', 'Log in'],
    cookie: { text: 'This site uses cookies. By continuing to browse the site, you are agreeing to our use of cookies.', accept: 'OK, got it', reject: 'Find out more', settings: 'Privacy' },
    sidebarTitles: ['Recent posts', 'Categories'],
    popular: ['Hello world!', 'About this blog', 'Uncategorized'],
    copyright: '© 2019–2024 · Proudly powered by Blogspace',
    footerLinks: ['Privacy', 'RSS', 'Report this content'],
    ...ENGLISH_LABELS,
    headers: [['X-Powered-By', 'PHP/8.2.18'], ['Link', '<https://blogspace.example/wp-json/>; rel="https://api.w.org/"'], ['Vary', 'Accept-Encoding,Cookie']],
  },
  {
    id: 'portal', host: 'www.worldlang-portal.example', scheme: 'https', ip: '203.0.113.50', server: 'cloudflare', urlStyle: 'query',
    chromeLang: 'eng_Latn', siteName: 'World Languages Portal', tagline: 'Resources, news and downloads for speakers of the world’s languages',
    nav: ['Home', 'Resources', 'Downloads', 'Forum', 'Help'], cookie: ENGLISH_COOKIE,
    sidebarTitles: ['Popular downloads', 'Latest forum topics'],
    popular: ['Keyboard layouts for all languages', 'Free fonts download', 'Dictionary apps'],
    copyright: 'Copyright © 2024 World Languages Portal. All Rights Reserved.',
    footerLinks: ['About us', 'Advertise', 'Privacy policy', 'DMCA'],
    ...ENGLISH_LABELS,
    headers: [['CF-Cache-Status', 'HIT'], ['Vary', 'Accept-Encoding']],
  },
];

const localized = (
  chromeLang: string,
  id: string,
  host: string,
  ip: string,
  server: string,
  strings: Omit<Site, 'id' | 'host' | 'scheme' | 'ip' | 'server' | 'urlStyle' | 'chromeLang' | 'headers'>,
): Site => ({ id, host, scheme: 'https', ip, server, urlStyle: 'path', chromeLang, ...strings, headers: [['Cache-Control', 'no-cache']] });

/** One site per contact language, chrome in that language (strings as in scripts/build-sample-crawl.mjs). */
export const LOCALIZED_SITES: readonly Site[] = [
  localized('fra_Latn', 'fr-portal', 'www.actu-locale.example', '203.0.113.31', 'Apache', {
    siteName: 'Actu Locale', tagline: 'L’actualité de nos régions et de nos langues',
    nav: ['Accueil', 'Actualités', 'Culture', 'À propos', 'Contact'],
    cookie: { text: 'Ce site utilise des cookies pour améliorer votre expérience de navigation et mesurer l’audience. En cliquant sur « Accepter », vous consentez à leur utilisation.', accept: 'Accepter', reject: 'Refuser', settings: 'Paramètres' },
    sidebarTitles: ['À lire aussi', 'Articles populaires'], popular: ['Nos langues en fête', 'Le marché du samedi', 'Portrait du mois'],
    copyright: '© 2024 Actu Locale. Tous droits réservés.', footerLinks: ['Mentions légales', 'Politique de confidentialité', 'Plan du site', 'Nous contacter'],
    published: 'Publié le', share: 'Partager :', previous: '‹ Précédent', next: 'Suivant ›',
  }),
  localized('spa_Latn', 'es-portal', 'noticias-regionales.example', '203.0.113.33', 'LiteSpeed', {
    siteName: 'Noticias Regionales', tagline: 'Todo sobre nuestras regiones y sus lenguas',
    nav: ['Inicio', 'Noticias', 'Cultura', 'Quiénes somos', 'Contacto'],
    cookie: { text: 'Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso.', accept: 'Aceptar', reject: 'Rechazar', settings: 'Configuración' },
    sidebarTitles: ['También te puede interesar', 'Lo más leído'], popular: ['Fiestas de la región', 'Recetas tradicionales', 'Entrevista del mes'],
    copyright: '© 2024 Noticias Regionales. Todos los derechos reservados.', footerLinks: ['Aviso legal', 'Política de privacidad', 'Mapa del sitio', 'Contacto'],
    published: 'Publicado el', share: 'Compartir:', previous: '‹ Anterior', next: 'Siguiente ›',
  }),
  localized('por_Latn', 'pt-portal', 'www.portal-comunidades.example', '203.0.113.34', 'nginx', {
    siteName: 'Portal Comunidades', tagline: 'Informação e cultura das nossas comunidades',
    nav: ['Início', 'Notícias', 'Cultura', 'Sobre nós', 'Contato'],
    cookie: { text: 'Utilizamos cookies para melhorar a sua experiência. Ao continuar navegando, você concorda com a nossa Política de Privacidade.', accept: 'Aceitar', reject: 'Recusar', settings: 'Configurações' },
    sidebarTitles: ['Leia também', 'Mais lidas'], popular: ['Festa da comunidade', 'Receitas de família', 'Entrevista do mês'],
    copyright: '© 2024 Portal Comunidades. Todos os direitos reservados.', footerLinks: ['Termos de uso', 'Política de privacidade', 'Mapa do site', 'Fale conosco'],
    published: 'Publicado em', share: 'Compartilhar:', previous: '‹ Anterior', next: 'Próximo ›',
  }),
  localized('rus_Cyrl', 'ru-portal', 'narody-i-yazyki.example', '203.0.113.35', 'Apache/2.2.22 (Unix)', {
    siteName: 'Народы и языки', tagline: 'Информационный портал о народах и языках',
    nav: ['Главная', 'Новости', 'Культура', 'О нас', 'Контакты'],
    cookie: { text: 'Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая пользоваться сайтом, вы соглашаетесь с их использованием.', accept: 'Принять', reject: 'Отклонить', settings: 'Настройки' },
    sidebarTitles: ['Читайте также', 'Популярное'], popular: ['Праздник в селе', 'Народные рецепты', 'Интервью месяца'],
    copyright: '© 2024 «Народы и языки». Все права защищены.', footerLinks: ['Политика конфиденциальности', 'Пользовательское соглашение', 'Карта сайта', 'Обратная связь'],
    published: 'Опубликовано', share: 'Поделиться:', previous: '‹ Назад', next: 'Далее ›',
  }),
  localized('arb_Arab', 'ar-portal', 'bawwabat-allughat.example', '203.0.113.39', 'cloudflare', {
    siteName: 'بوابة اللغات', tagline: 'كل ما يتعلق بلغاتنا وثقافاتنا',
    nav: ['الرئيسية', 'الأخبار', 'الثقافة', 'من نحن', 'اتصل بنا'],
    cookie: { text: 'يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك. باستمرارك في التصفح فإنك توافق على استخدامها.', accept: 'موافق', reject: 'رفض', settings: 'الإعدادات' },
    sidebarTitles: ['اقرأ أيضا', 'الأكثر قراءة'], popular: ['مهرجان اللغة', 'وصفات تقليدية', 'مقابلة الشهر'],
    copyright: '© 2024 بوابة اللغات. جميع الحقوق محفوظة.', footerLinks: ['سياسة الخصوصية', 'شروط الاستخدام', 'خريطة الموقع', 'اتصل بنا'],
    published: 'نُشر في', share: 'شارك:', previous: '‹ السابق', next: 'التالي ›',
  }),
  localized('hin_Deva', 'hi-portal', 'bhasha-samachar.example', '203.0.113.40', 'nginx/1.18.0 (Ubuntu)', {
    siteName: 'भाषा समाचार', tagline: 'भाषाओं और संस्कृति से जुड़ी हर जानकारी',
    nav: ['होम', 'समाचार', 'संस्कृति', 'हमारे बारे में', 'संपर्क करें'],
    cookie: { text: 'यह वेबसाइट आपके अनुभव को बेहतर बनाने के लिए कुकीज़ का उपयोग करती है। ब्राउज़िंग जारी रखकर आप कुकीज़ के उपयोग के लिए सहमति देते हैं।', accept: 'स्वीकार करें', reject: 'अस्वीकार करें', settings: 'सेटिंग्स' },
    sidebarTitles: ['यह भी पढ़ें', 'लोकप्रिय लेख'], popular: ['गाँव का मेला', 'पारंपरिक व्यंजन', 'महीने का साक्षात्कार'],
    copyright: '© 2024 भाषा समाचार. सर्वाधिकार सुरक्षित.', footerLinks: ['गोपनीयता नीति', 'उपयोग की शर्तें', 'साइटमैप', 'संपर्क करें'],
    published: 'प्रकाशित', share: 'शेयर करें:', previous: '‹ पिछला', next: 'अगला ›',
  }),
  localized('zho_Hans', 'zh-portal', 'www.minzu-yuyan.example', '203.0.113.38', 'openresty', {
    siteName: '民族语言网', tagline: '关注语言，传播文化',
    nav: ['首页', '新闻', '文化', '关于我们', '联系我们'],
    cookie: { text: '本网站使用Cookie来改善您的浏览体验。继续浏览即表示您同意我们使用Cookie。', accept: '接受', reject: '拒绝', settings: '设置' },
    sidebarTitles: ['相关阅读', '热门文章'], popular: ['节日习俗', '传统美食', '本月人物'],
    copyright: '© 2024 民族语言网 版权所有', footerLinks: ['隐私政策', '使用条款', '网站地图', '联系我们'],
    published: '发布时间：', share: '分享到：', previous: '‹ 上一页', next: '下一页 ›',
  }),
  localized('deu_Latn', 'de-portal', 'www.sprachen-heute.example', '203.0.113.32', 'Apache/2.4.41 (Ubuntu)', {
    siteName: 'Sprachen heute', tagline: 'Informationen rund um Sprachen und Regionen',
    nav: ['Startseite', 'Nachrichten', 'Kultur', 'Über uns', 'Kontakt'],
    cookie: { text: 'Diese Website verwendet Cookies, um Ihnen die bestmögliche Nutzung zu ermöglichen. Mit „Akzeptieren“ stimmen Sie der Verwendung zu.', accept: 'Akzeptieren', reject: 'Ablehnen', settings: 'Einstellungen' },
    sidebarTitles: ['Das könnte Sie auch interessieren', 'Meistgelesen'], popular: ['Das Dorffest', 'Rezepte aus der Region', 'Interview des Monats'],
    copyright: '© 2024 Sprachen heute. Alle Rechte vorbehalten.', footerLinks: ['Impressum', 'Datenschutz', 'Sitemap', 'Kontakt'],
    published: 'Veröffentlicht am', share: 'Teilen:', previous: '‹ Zurück', next: 'Weiter ›',
  }),
  localized('ind_Latn', 'id-portal', 'www.kabar-daerah.example', '203.0.113.41', 'nginx', {
    siteName: 'Kabar Daerah', tagline: 'Berita dan budaya dari seluruh daerah',
    nav: ['Beranda', 'Berita', 'Budaya', 'Tentang Kami', 'Kontak'],
    cookie: { text: 'Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda. Dengan melanjutkan penelusuran, Anda menyetujui penggunaan cookie.', accept: 'Terima', reject: 'Tolak', settings: 'Pengaturan' },
    sidebarTitles: ['Baca juga', 'Terpopuler'], popular: ['Pesta panen di desa', 'Resep masakan tradisional', 'Wawancara bulan ini'],
    copyright: '© 2024 Kabar Daerah. Hak cipta dilindungi undang-undang.', footerLinks: ['Kebijakan privasi', 'Syarat penggunaan', 'Peta situs', 'Hubungi kami'],
    published: 'Diterbitkan', share: 'Bagikan:', previous: '‹ Sebelumnya', next: 'Berikutnya ›',
  }),
];

/**
 * English paragraphs that CMS templates put inside the article body, where no class or landmark marks
 * them as chrome: the "boilerplate in big languages" that LangID then counts as the page's text
 * (Caswell et al. 2020 §3). Each ends like a sentence and is long enough for jusText to keep it.
 */
export const BODY_BOILERPLATE: readonly string[] = [
  'Disclaimer: The views expressed in this article are those of the author and do not necessarily reflect the official policy or position of this website.',
  'This article was translated by volunteers. If you find an error in the translation, please let us know through the contact form so that we can correct it.',
  'Subscribe to our newsletter to receive the latest news, stories and updates from our community directly in your inbox every week.',
  'All content on this website is protected by copyright. Reproduction in whole or in part without written permission is strictly prohibited.',
  'We rely on readers like you to keep this site running. If you enjoyed this article, please consider making a small donation today.',
  'Comments are moderated and will appear after approval. Please be respectful and stay on topic; offensive comments will be removed.',
  'This page was last updated by our editorial team. Some links on this page are affiliate links, which means we may earn a small commission.',
  'Did you find this page useful? Share it with your friends and family, and follow us on social media for more stories like this one.',
];

/** The sites whose chrome a page about a language with contact language `contact` may have. */
export function sitesFor(contact: string | undefined): readonly Site[] {
  const local = LOCALIZED_SITES.find((s) => s.chromeLang === contact);
  return local ? [local, ...ENGLISH_SITES] : ENGLISH_SITES;
}
