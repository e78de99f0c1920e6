package org.medpub.cms.translation.control;

/** A place in an XLIFF file, as the XML parser counts it (from 1). */
public record Position(int line, int column) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
