/*
 * The Markdown toolbar above the editor's text: each button puts Markdown around the selection
 * (or the current line) of the text area it controls, then tells the page's autosave and preview
 * as a typed key would. One listener on the document, so buttons rendered again by an ajax
 * request keep working. The slug field takes the slug proposed from the title until the author
 * types their own. No library: the admin pages load scripts from this site only.
 */
(function () {
    "use strict";

    function lineStart(text, at) {
        return text.lastIndexOf("\n", at - 1) + 1;
    }

    // what a button does to the selected text: [before, selected, after]
    var marks = {
        heading: function (selected) { return ["## ", selected || "", ""]; },
        bold: function (selected) { return ["**", selected || "", "**"]; },
        list: function (selected) { return ["", prefixLines(selected, function () { return "- "; }), ""]; },
        numbered: function (selected) { return ["", prefixLines(selected, function (i) { return (i + 1) + ". "; }), ""]; },
        link: function (selected) { return ["[", selected || "", "](https://)"]; },
        reference: function (selected, area) { return [(selected || "") + " [" + referenceCount(area) + "]", "", ""]; }
    };

    function prefixLines(selected, prefix) {
        return (selected || "").split("\n").map(function (line, i) { return prefix(i) + line; }).join("\n");
    }

    // the citation marker points at the last reference of the form's list, or the first one to come
    function referenceCount(area) {
        var rows = area.form ? area.form.querySelectorAll("input[name$=':text']").length : 0;
        return Math.max(1, rows);
    }

    function apply(kind, area) {
        var start = area.selectionStart, end = area.selectionEnd, text = area.value;
        var blockKind = kind === "heading" || kind === "list" || kind === "numbered";
        if (blockKind) {
            start = lineStart(text, start);
        }
        var parts = marks[kind](text.substring(start, end), area);
        var inserted = parts[0] + parts[1] + parts[2];
        area.setRangeText(inserted, start, end, "end");
        if (!parts[1]) {
            // nothing was selected: the caret goes between the marks, ready for typing
            area.setSelectionRange(start + parts[0].length, start + parts[0].length);
        }
        area.focus();
        area.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    }

    // "Insert image": the dialog opens and lists the newest images at once; a chosen one goes in at the cursor
    function insertImage(button) {
        var dialog = button.closest("dialog");
        var area = dialog && document.getElementById(dialog.getAttribute("data-target"));
        if (!area || area.readOnly) {
            return;
        }
        dialog.close();
        area.focus();
        // a figure is a block: blank lines part it from the text before and after the caret
        var start = area.selectionStart, end = area.selectionEnd;
        var before = area.value.substring(0, start), after = area.value.substring(end);
        var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
        var trail = after === "" || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
        area.setRangeText(lead + button.getAttribute("data-insert") + trail, start, end, "end");
        area.setSelectionRange(start + lead.length + button.getAttribute("data-insert").length,
                start + lead.length + button.getAttribute("data-insert").length);
        area.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    }

    document.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target : null;
        var opener = target && target.closest("button[data-dialog]");
        var dialog = opener && document.getElementById(opener.getAttribute("data-dialog"));
        if (dialog && dialog.showModal) {
            event.preventDefault();
            dialog.showModal();
            var find = dialog.querySelector("input[type=submit]");
            if (find) {
                find.click();
            }
            return;
        }
        var closer = target && target.closest("button[data-dialog-close]");
        if (closer) {
            document.getElementById(closer.getAttribute("data-dialog-close")).close();
            return;
        }
        var chosen = target && target.closest("button[data-insert]");
        if (chosen) {
            event.preventDefault();
            insertImage(chosen);
        }
    });

    // The slug proposed from the title (rendered beside the field) goes into the field while it is
    // empty or still holds the previous proposal: a slug the author typed stays, even when they typed
    // it while the proposal was on its way.
    var ajax = window.faces ? window.faces.ajax : window.jsf ? window.jsf.ajax : null;
    if (ajax) {
        ajax.addOnEvent(function (data) {
            var proposal = document.getElementById("editor:slugProposal");
            var field = document.getElementById("editor:slug");
            var fromTitle = data.source && data.source.id === "editor:title";
            if (data.status !== "success" || !fromTitle || !proposal || !field || field.readOnly) {
                return;
            }
            var proposed = proposal.textContent.trim();
            if (field.value === "" || field.value === (field.getAttribute("data-proposed") || "")) {
                field.value = proposed;
            }
            field.setAttribute("data-proposed", proposed);
        });
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("button[data-markdown]") : null;
        if (!button) {
            return;
        }
        var toolbar = button.closest("[aria-controls]");
        var area = toolbar && document.getElementById(toolbar.getAttribute("aria-controls"));
        if (area && !area.readOnly && marks[button.getAttribute("data-markdown")]) {
            event.preventDefault();
            apply(button.getAttribute("data-markdown"), area);
        }
    });
}());
