package org.medpub.cms.translation.control;

/**
 * The Markdown that one inline code of a source segment stands for. The XLIFF file carries it as
 * original data, but an import takes it from the stored source revision, never from the file.
 *
 * @param id unique within the unit: {@code 1}, {@code 2}, … in reading order
 * @param markup a placeholder's whole Markdown, or the Markdown before a paired code's words ({@code **}, {@code [})
 * @param closing the Markdown after a paired code's words ({@code **}, {@code ](https://…)}); null for a placeholder
 * @param display what a placeholder shows in place of its Markdown (a code span's text, an image's description); may be empty
 */
public record InlineCode(String id, CodeKind kind, String markup, String closing, String display) {
}
