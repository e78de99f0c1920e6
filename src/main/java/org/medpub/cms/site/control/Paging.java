package org.medpub.cms.site.control;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Where a page of a locale's index stands among its pages: page 1 is {@code /{locale}/}, page N
 * {@code /{locale}/?page=N}. A locale without articles has one (empty) page.
 *
 * @param page this page's number, from 1
 * @param pages how many pages there are
 */
public record Paging(long page, long pages) {

    /** Pages linked either side of the current one, besides the first and the last. */
    static final int AROUND = 2;

    /** Page {@code page} of an index of {@code count} articles, {@code size} a page. */
    public static Paging of(long page, long count, int size) {
        return new Paging(page, Math.max(1, (count + size - 1) / size));
    }

    /**
     * The page a {@code page} query parameter asks for: 1 without one; empty for anything but a
     * number from 1 written plainly (0, -1, 01, "two"), which is no page.
     */
    public static OptionalLong requested(String parameter) {
        if (parameter == null) {
            return OptionalLong.of(1);
        }
        return parameter.matches("[1-9][0-9]{0,17}") ? OptionalLong.of(Long.parseLong(parameter)) : OptionalLong.empty();
    }

    public boolean exists() {
        return page >= 1 && page <= pages;
    }

    public long offset(int size) {
        return (page - 1) * size;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The pages to link, in order: the first, the last, and a few around this one; 0 marks a gap. */
    public List<Long> links() {
        TreeSet<Long> shown = new TreeSet<>(List.of(1L, pages));
        for (long n = Math.max(1, page - AROUND); n <= Math.min(pages, page + AROUND); n++) {
            shown.add(n);
        }
        List<Long> links = new ArrayList<>();
        long previous = 0;
        for (long n : shown) {
            if (n > previous + 1) {
                links.add(0L);
            }
            links.add(n);
            previous = n;
        }
        return links;
    }

    public static String path(String locale, long page) {
        return page == 1 ? "/" + locale + "/" : "/" + locale + "/?page=" + page;
    }
}
