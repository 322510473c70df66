/* Every word the clause scripts show (the link button and its menu, the copy
   announcements, the citation builder), in both languages, side by side: one
   table, never a string inline in the code. A test checks both languages have
   the same keys and placeholders (tests/js/ui-text.test.mjs).
   Placeholders: {citation}, {target}, {count}. */

export const TEXT = {
  zh: {
    button: "本条链接与引用：{citation}",
    copyLink: "复制完整链接",
    copyShort: "复制短链接（适合纸质文件）",
    copyVersion: "复制本版本的固定链接",
    copyZh: "复制中文引用",
    copyZhPlain: "复制中文引用（不带链接，用于正文）",
    copyEn: "复制英文引用",
    bilingual: "中英对照",
    copied: {
      link: "已复制链接", short: "已复制短链接", version: "已复制本版本的固定链接",
      zh: "已复制中文引用", zhPlain: "已复制中文引用（不带链接）", en: "已复制英文引用",
      block: "已复制引用文本",
    },
    manual: "此处无法自动复制：请选中下面的文字，按 Ctrl+C（⌘C）复制。",
    close: "关闭",
    add: "添加",
    added: "已添加",
    remove: "移除",
    removeLabel: "移除{citation}",
    noMatch: "没有匹配的条文。",
    tableFailed: "条文表未能加载，请刷新页面。",
    qrAlt: "二维码：{target}",
    qrSave: "另存为 SVG：{citation}",
    qrSaveAll: "所选{count}条合用一个二维码（另存为 SVG）",
  },
  en: {
    button: "Link and citation: {citation}",
    copyLink: "Copy full link",
    copyShort: "Copy short link (for paper)",
    copyVersion: "Copy link to this version",
    copyZh: "Copy Chinese citation",
    copyEn: "Copy English citation",
    copyZhPlain: "Copy Chinese citation without its link (for body text)",
    bilingual: "Side by side",
    copied: {
      link: "Link copied", short: "Short link copied", version: "Link to this version copied",
      zh: "Chinese citation copied", zhPlain: "Chinese citation copied (without its link)",
      en: "English citation copied", block: "Reference block copied",
    },
    manual: "Copying is not available here: select the text and press Ctrl+C (⌘C).",
    close: "Close",
    add: "Add",
    added: "Added",
    remove: "Remove",
    removeLabel: "Remove {citation}",
    noMatch: "No clause matches.",
    tableFailed: "The clause table could not be loaded: reload the page.",
    qrAlt: "QR code: {target}",
    qrSave: "Save as SVG: {citation}",
    qrSaveAll: "One code for the {count} clauses chosen (save as SVG)",
  },
};

/** The table of a language ("en", else Chinese). */
export function uiText(lang) {
  return TEXT[lang === "en" ? "en" : "zh"];
}

/** "移除{citation}" with {citation: "…"} → "移除…"; unknown placeholders stay as written. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}
