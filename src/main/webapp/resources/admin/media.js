/*
 * The media library's upload (admin/media.xhtml): a file dropped on the drop zone goes into its
 * file input, and the form is sent by XMLHttpRequest, so that its progress shows in a bar and is
 * told in words to screen readers. What is sent is the Faces form itself, with its view state
 * (the editorial UI's guard against forged requests); the page the server answers with (the image
 * opened, or the refusals) replaces the page's body. Without script the form posts as it is.
 * Listeners are on the document, so they hold for the body that comes back.
 */
(function () {
    "use strict";

    function zoneOf(event) {
        return event.target.closest ? event.target.closest(".dropzone") : null;
    }

    function status(form, text) {
        var region = document.getElementById("uploadStatus");
        if (region) {
            region.textContent = text;
        }
    }

    function chosen(input) {
        var form = input.form;
        if (form && input.files && input.files.length) {
            var file = input.files[0];
            status(form, form.getAttribute("data-chosen") + " " + file.name + " (" + Math.ceil(file.size / 1024) + " KB)");
        }
    }

    ["dragenter", "dragover"].forEach(function (type) {
        document.addEventListener(type, function (event) {
            var zone = zoneOf(event);
            if (zone) {
                event.preventDefault();
                zone.classList.add("over");
            }
        });
    });

    document.addEventListener("dragleave", function (event) {
        var zone = zoneOf(event);
        if (zone && !zone.contains(event.relatedTarget)) {
            zone.classList.remove("over");
        }
    });

    document.addEventListener("drop", function (event) {
        var zone = zoneOf(event);
        if (!zone) {
            return;
        }
        event.preventDefault();
        zone.classList.remove("over");
        var input = zone.querySelector("input[type=file]");
        if (input && event.dataTransfer && event.dataTransfer.files.length) {
            input.files = event.dataTransfer.files;
            chosen(input);
            input.focus();
        }
    });

    document.addEventListener("change", function (event) {
        if (event.target.matches && event.target.matches(".dropzone input[type=file]")) {
            chosen(event.target);
        }
    });

    // the page the server answered with takes the place of this one's body, at its address
    function show(request, form) {
        var page = new DOMParser().parseFromString(request.responseText, "text/html");
        if (!page.body) {
            status(form, form.getAttribute("data-failed"));
            return;
        }
        document.title = page.title;
        document.body.replaceWith(document.adoptNode(page.body));
        if (request.responseURL && request.responseURL !== location.href) {
            history.replaceState(null, "", request.responseURL);
        }
        var refused = document.getElementById("refusals");
        var messages = document.getElementById("messages");
        var bar = document.getElementById("uploadProgress");
        if (refused) {
            var first = refused.querySelector("a");
            (first || refused).focus();
        } else if (bar) {
            bar.hidden = false;
            bar.value = 100;
        }
        // the live region of the new body tells what became of the upload
        var said = messages ? messages.textContent.trim() : "";
        if (said) {
            setTimeout(function () { status(form, said); }, 100);
        }
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (form.id !== "upload" || !window.FormData || !window.XMLHttpRequest) {
            return;
        }
        var input = form.querySelector("input[type=file]");
        var max = Number(form.getAttribute("data-max-bytes"));
        if (input && input.files.length && max && input.files[0].size > max) {
            event.preventDefault();
            status(form, form.getAttribute("data-too-large"));
            return;
        }
        event.preventDefault();
        var data = new FormData(form);
        var button = event.submitter || form.querySelector("input[type=submit]");
        if (button && button.name) {
            data.append(button.name, button.value);
        }
        var bar = document.getElementById("uploadProgress");
        var told = -1;
        var request = new XMLHttpRequest();
        request.upload.addEventListener("progress", function (progress) {
            if (!progress.lengthComputable || !bar) {
                return;
            }
            var percent = Math.round(progress.loaded * 100 / progress.total);
            bar.hidden = false;
            bar.value = percent;
            // in words every quarter, so that a screen reader is not flooded
            if (Math.floor(percent / 25) !== told) {
                told = Math.floor(percent / 25);
                status(form, form.getAttribute("data-progress") + " " + percent + " %");
            }
        });
        request.addEventListener("load", function () {
            show(request, form);
        });
        request.addEventListener("error", function () {
            status(form, form.getAttribute("data-failed"));
        });
        if (button) {
            button.disabled = true;
        }
        request.open("POST", form.action);
        request.send(data);
    });
}());
