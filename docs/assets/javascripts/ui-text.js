/* Every word the clause scripts show (the link button and its menu, the copy
   announcements, the citation builder), in both languages, side by side: one
   table, never a string inline in the code. A test checks both languages have
   the same keys and placeholders (tests/js/ui-text.test.mjs).
   Placeholders: {citation}, {target}. */

export const TEXT = {
  zh: {
    button: "本条链接与引用：{citation}",
    copyLink: "复制完整链接",
    copyShort: "复制短链接（适合纸质文件）",
    copyVersion: "复制本版本的固定链接",
    copyZh: "复制中文引用",
    copyEn: "复制英文引用",
    bilingual: "中英对照",
    copied: {
      link: "已复制链接", short: "已复制短链接", version: "已复制本版本的固定链接",
      zh: "已复制中文引用", en: "已复制英文引用",
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
    repealedNow: "（本条现已废止）",
    draft: {
      loading: "正在加载检查程序（第一次约需十几秒）…",
      reading: "正在读取和检查…",
      failed: "检查程序未能加载，请刷新本页；如仍不行，可在项目文件夹中运行 make draft DECISION=决定.txt。",
      empty: "请先把修改决定全文粘贴到上面的框中。",
      okTitle: "可以保存：决定已全部读懂，并已按生成手册时的规则检查通过。",
      notOkTitle: "还不能保存：有{count}处需要处理（见下面标 ？ 和 ✗ 的地方）。",
      sentences: "逐句读取的结果",
      read: "已读懂",
      frame: "说明文字",
      unread: "未能读懂这一句：请检查写法，或交技术人员处理",
      problem: "有问题",
      clauses: "条文的修改（删除的文字加删除线，新增的文字加下划线）",
      values: "计算器采用的数额随之改变",
      valueLine: "{calculator}（{clause}）：{before} → {after}，{from}起",
      renumbered: "条文序号的调整",
      renumberLine: "“{rules}”第{from_n}条改为第{to_n}条（{clause}）",
      warnings: "请注意",
      errors: "检查未通过",
      file: "修改决定文件",
      fileHint: "把这个文件保存到项目的 source/amendments 文件夹，文件名保持不变；然后运行 make serve 预览，确认无误后运行 make publish 发布。",
      save: "保存文件 {name}",
      copy: "复制文件内容",
      copied: "已复制文件内容",
      repealed: "（本条删去）",
    },
  },
  en: {
    button: "Link and citation: {citation}",
    copyLink: "Copy full link",
    copyShort: "Copy short link (for paper)",
    copyVersion: "Copy link to this version",
    copyZh: "Copy Chinese citation",
    copyEn: "Copy English citation",
    bilingual: "Side by side",
    copied: {
      link: "Link copied", short: "Short link copied", version: "Link to this version copied",
      zh: "Chinese citation copied",
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
    repealedNow: " (this clause has since been repealed)",
    draft: {
      loading: "Loading the checker (the first time takes ten seconds or so)…",
      reading: "Reading and checking…",
      failed: "The checker could not be loaded. Reload the page, or run make draft DECISION=decision.txt in the project folder.",
      empty: "Paste the whole decision into the box above first.",
      okTitle: "Ready to save: every sentence was read, and the build's checks pass.",
      notOkTitle: "Not ready yet: {count} point(s) to fix (marked ？ and ✗ below).",
      sentences: "Sentence by sentence",
      read: "Read",
      frame: "Framing text",
      unread: "Could not read this sentence: check its wording, or ask a developer",
      problem: "Problem",
      clauses: "Changes to the clauses (deleted words struck through, new words underlined)",
      values: "Calculator figures that follow",
      valueLine: "{calculator} ({clause}): {before} → {after}, from {from}",
      renumbered: "Clauses renumbered",
      renumberLine: "“{rules}” clause {from_n} becomes clause {to_n} ({clause})",
      warnings: "Please note",
      errors: "Checks failed",
      file: "The amendment file",
      fileHint: "Save this file in the project's source/amendments folder under this name; then preview with make serve and publish with make publish.",
      save: "Save {name}",
      copy: "Copy the file's text",
      copied: "File text copied",
      repealed: "(clause deleted)",
    },
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
