package io.ogsm.connector.source.erp;

/**
 * How a source's list continues over pages, and how many pages one poll reads at most.
 *
 * @param next       NEXT_LINK: the JSONPath of the next page's URL in the body
 * @param pageParam  PAGE: the page-number parameter; OFFSET: the offset parameter
 * @param sizeParam  PAGE/OFFSET: the page-size parameter (may be null: not sent)
 * @param size       PAGE/OFFSET: items per page; a shorter page is the last one
 * @param firstPage  PAGE: the number of the first page (1 unless said otherwise)
 */
public record ErpPaging(Style style, ErpPath next, String pageParam, String sizeParam, int size, int firstPage,
        int maxPages) {

    public enum Style { NONE, NEXT_LINK, LINK_HEADER, PAGE, OFFSET }

    public static ErpPaging none(int maxPages) {
        return new ErpPaging(Style.NONE, null, null, null, 0, 0, maxPages);
    }
}
