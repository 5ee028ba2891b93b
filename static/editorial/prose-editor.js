// Starts the rich-text editor on every textarea marked data-rich-text (editorial/widgets.py).
// The editor library's own start-up needs an inline import map and injects a <style>
// element; our Content-Security-Policy forbids both, so we load the library by its address
// and build the editor ourselves with style injection turned off.
const SELECTOR = "textarea[data-rich-text]";
const first = document.querySelector(SELECTOR);

if (first) {
  const library = await import(first.dataset.editorModule);

  const createEditor = (textarea) => {
    if (textarea.closest(".prose-editor")) return;
    const config = JSON.parse(textarea.dataset.richText);
    const extensions = [];
    for (const [name, options] of Object.entries(config.extensions)) {
      const extension = library[name];
      if (!extension) continue;
      extensions.push(typeof options === "object" ? extension.configure(options) : extension);
    }
    const wrapper = library.crel("div", { className: "prose-editor" });
    textarea.before(wrapper);
    wrapper.append(textarea);
    new library.Editor({
      element: wrapper,
      injectCSS: false,
      extensions,
      content: textarea.value,
      onUpdate({ editor }) {
        const html = editor.getHTML();
        // An empty editor still holds an empty paragraph: save it as nothing.
        textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      },
    });
  };

  library.initializeEditors(createEditor, SELECTOR);
}
