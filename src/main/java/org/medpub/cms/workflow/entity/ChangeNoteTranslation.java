package org.medpub.cms.workflow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.medpub.cms.article.entity.Revision;

/**
 * A source revision's note to readers in the language of a translation, kept with the translated
 * revision whose XLIFF file carried it ({@code change-N} unit); never changed afterwards.
 */
@Entity
@Table(name = "change_note_translation")
public class ChangeNoteTranslation {

    @Id
    @SequenceGenerator(name = "change_note_translation_seq", sequenceName = "change_note_translation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_note_translation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "revision_id", updatable = false)
    private Revision revision;

    @Column(name = "source_revision_no", updatable = false)
    private int sourceRevision;

    @Column(updatable = false)
    private String note;

    protected ChangeNoteTranslation() {
    }

    public ChangeNoteTranslation(Revision revision, int sourceRevision, String note) {
        this.revision = revision;
        this.sourceRevision = sourceRevision;
        this.note = note;
    }

    public Revision getRevision() {
        return revision;
    }

    public int getSourceRevision() {
        return sourceRevision;
    }

    public String getNote() {
        return note;
    }
}
