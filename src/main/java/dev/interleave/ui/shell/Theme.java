package dev.interleave.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The window's themes: AtlantaFX's Primer Light and Primer Dark as the base (the user-agent
 * stylesheet), Interleave's own stylesheet on top, which takes the theme's looked-up colours
 * ({@code -color-fg-default}, {@code -color-bg-default}, ...) and, under {@code .root:dark}, its own
 * colours for the dark background.
 */
public enum Theme {
    LIGHT("Primer Light", stylesheetOf(new PrimerLight())),
    DARK("Primer Dark", stylesheetOf(new PrimerDark()));

    private final String label;
    private final String stylesheet;

    Theme(String label, String stylesheet) {
        this.label = label;
        this.stylesheet = stylesheet;
    }

    /** The theme's binary stylesheet where it has one (parsed faster at start-up), else its CSS. */
    private static String stylesheetOf(atlantafx.base.theme.Theme theme) {
        String binary = theme.getUserAgentStylesheetBSS();
        return binary != null ? binary : theme.getUserAgentStylesheet();
    }

    /** The theme's name, as the View menu shows it. */
    public String label() {
        return label;
    }

    /** The AtlantaFX user-agent stylesheet. */
    String stylesheet() {
        return stylesheet;
    }

    /** The other theme. */
    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
