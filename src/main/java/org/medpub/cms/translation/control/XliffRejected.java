package org.medpub.cms.translation.control;

import java.util.List;
import org.medpub.cms.platform.control.BusinessException;

/**
 * An XLIFF file that is not imported, with every problem found in it: each error's
 * {@code field} is the place in the file ("line 12, column 9") and its {@code message} the
 * reason. Nothing was changed. The problem's title is {@code problem.invalid-xliff.title} of
 * the i18n bundles; the reasons are English, like every field message of the API.
 */
public class XliffRejected extends BusinessException {

    private static final long serialVersionUID = 1L;

    public XliffRejected(List<XliffProblem> problems) {
        super(detail(problems), problems.stream().sorted()
                .map(problem -> new FieldError(problem.at().toString(), problem.message()))
                .toList());
    }

    public XliffRejected(Position at, String message) {
        this(List.of(new XliffProblem(at, message)));
    }

    private static String detail(List<XliffProblem> problems) {
        if (problems.size() == 1) {
            XliffProblem problem = problems.get(0);
            return problem.at() + ": " + problem.message() + ". Nothing was imported";
        }
        return "The file has " + problems.size() + " problems, listed in errors. Nothing was imported";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String type() {
        return "invalid-xliff";
    }
}
