package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.translation.control.ImportedTranslation;
import org.medpub.cms.translation.control.XliffImport;
import org.medpub.cms.translation.control.XliffReader;
import org.medpub.cms.translation.control.XliffRejected;

/** The upload of a translated XLIFF file on the translation editor; the file lives for its one request. */
@Named
@RequestScoped
public class XliffUpload {

    @Inject
    XliffImport imports;

    @Inject
    Caller caller;

    @Inject
    Words words;

    private Part file;

    /** Imports the uploaded XLIFF file as POST /api/xliff does, then opens the revision it made. */
    public String importXliff() {
        if (file == null) {
            return null;
        }
        try (InputStream content = file.getInputStream()) {
            ImportedTranslation imported = imports.importFile(XliffReader.read(content.readAllBytes()), caller.actor());
            Notices.keepForRedirect();
            Notices.info(words.with("editor.saved", "revision", imported.revision()));
            return "/admin/edit.xhtml?faces-redirect=true&article=" + imported.articleId() + "&locale=" + imported.locale();
        } catch (XliffRejected rejected) {
            Notices.refused(words, rejected);
            rejected.errors().forEach(problem -> Notices.error("xliff:file", problem.field() + ": " + problem.message()));
        } catch (BusinessException refused) {
            Notices.refused(words, refused);
        } catch (IOException unreadable) {
            Notices.error("xliff:file", words.text("problem.invalid-xliff.title"));
        }
        return null;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
