package org.touchpoints.register.api.row;

/**
 * A row with its stable id. {@code groupNo} is the number the authority gave the row's group (process group of the
 * six-column template, process of the five-column one) when the register was formed from its file
 * ({@link RegisterLayout#numbered}); null when the authority's file did not number it (then the layout numbers it).
 */
public record RegisterRow(String rowId, RowContent content, Integer groupNo) {

    public RegisterRow(String rowId, RowContent content) {
        this(rowId, content, null);
    }

    public RegisterRow withGroupNo(Integer number) {
        return new RegisterRow(rowId, content, number);
    }
}
