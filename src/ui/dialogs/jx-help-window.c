/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-widget-util.h"
#include "jx-help-window.h"

typedef struct
{
  const char *title;
  const char *body;   /* Pango markup */
} Section;

static const Section sections[] = {
  { N_("What Jixiao does"),
    N_("Jixiao keeps a department’s annual budget performance document (部门预算绩效文本) in one "
       "file: the cover data, Part 1 with the overall goals, each project’s goals and the "
       "guarantee measures, and Part 2 with one performance goal table per budget project.\n\n"
       "Edit the parts in the list on the left and the forms on the right. Every change can be "
       "undone. Unsaved changes are kept as a draft a few seconds after you stop typing, so a "
       "crash or a power cut loses nothing: the next start offers them back.") },
  { N_("The indicator table"),
    N_("Every cell shows all of its text, wrapped, and each row is as tall as its longest cell. "
       "Enter and Tab go to the next cell; Shift+Enter or Ctrl+Enter starts a new line inside "
       "a cell. Drag a column’s edge to widen it: the table scrolls sideways and keeps the width.\n\n"
       "Select rows with Shift+click, Ctrl+click or Shift+↑/↓. Duplicate Rows, Delete Row and "
       "Alt+↑/↓ act on all of them. Ctrl+C copies them to the clipboard for WPS or Excel; Ctrl+V "
       "pastes cells copied from WPS, Excel or a Word table from the current cell on, adding rows "
       "as needed; Ctrl+D fills the cell above down into the selected rows. Each of these is one "
       "step for undo.") },
  { N_("Checking, charts and printing"),
    N_("The review checks list what the finance bureau would send back — a spending plan that "
       "does not reach 100%, a missing indicator category, a target that is not measurable, "
       "text copied between projects. Choose a finding to go to the field.\n\n"
       "The charts show how each project and the whole department plan to spend through the "
       "year. Print or export the formal document as PDF from the main menu; the preview shows "
       "the pages exactly as they will be printed.") },
  { N_("Before printing, and the fonts"),
    N_("Printing, the preview and the PDF export never refuse a document with problems — drafts "
       "are printed for discussion — but they say first how many errors and warnings the review "
       "still finds, with a button that shows them. Numbering typed at the start of a point "
       "(“1、”, “（二）”), which the printout would repeat, has a button in the list of problems "
       "that takes it off.\n\n"
       "The printout uses the fonts of government offices when they are installed (小标宋, 黑体, "
       "仿宋_GB2312) and a free font in their place when not; the print dialog, the preview and the "
       "preferences then name the font that stands in. In the preferences choose another installed "
       "font for a role, or add a font file brought from another computer: it is installed for you "
       "and used at once.") },
  { N_("Monitoring and self-evaluation"),
    N_("One document carries the whole year. The switch in the header bar puts it at the goals "
       "(目标), the mid-year monitoring (监控, with the months it reports on) or the "
       "self-evaluation after the year (自评). At a later stage each project shows its spending "
       "and, in the indicator table, the stage’s columns beside the goals, which stay as they "
       "were set.\n\n"
       "Scores are computed as the usual self-evaluation forms do; a gray number is what the rule "
       "gives, and a number typed over it replaces it until the field is emptied. The review, "
       "the charts, the preview and the printout follow the stage.") },
  { N_("Next year and comparing versions"),
    N_("<b>Start Next Year…</b> in the main menu makes next year’s document from this one, in a "
       "window of its own, with the budgets and spending plans kept or cleared as you choose. "
       "The list under the forms shows every text whose years moved: check each one and choose "
       "<b>Confirm</b>. Save As proposes the new year’s file name, never last year’s.\n\n"
       "<b>Compare…</b> shows what changed against another version (the draft sent and the draft "
       "returned), and <b>Compare with Saved Version</b> what you changed since the last save. "
       "Choose a change to go to its place; F8 and Shift+F8 step through the changes. The view’s "
       "修改对照表 menu previews, prints or exports the list as a PDF for the review notes.") },
  { N_("The document file"),
    N_("A document is a UTF-8 JSON file, usually named <tt>NAME.jixiao.json</tt>. Amounts are "
       "in the document’s money unit (万元 by default) with at most six decimals, and are added "
       "up exactly. The spending plan lists month-ends with the cumulative percentage of the "
       "budget spent by then.\n\n"
       "A file that breaks the format is not opened; the message names the line and column, or "
       "the member such as <tt>projects[3].funds.fiscal</tt>, so that it can be mended. Members "
       "written by newer versions or other tools are kept when you save.") },
  { N_("Word and Excel files"),
    N_("<b>Import…</b> in the main menu, or dropping a file on the window, brings in a Word "
       "document (.docx), an Excel workbook (.xlsx) or a CSV file. Last year’s Word file "
       "becomes a new, unsaved document; the import report lists what could not be placed and "
       "where it was in the file. The indicator rows of a workbook go into the open document "
       "after a preview of what would change; one undo takes the whole import back.\n\n"
       "<b>Export</b> writes the document as a Word document shaped like the printout, or as an "
       "Excel workbook of indicators, projects and Part 1, for the finance bureau and the budget "
       "system. The old file is replaced only when the new one is complete.") },
  { N_("The command-line tool"),
    N_("<tt>jixiao-cli</tt> does the same jobs without a display:\n\n"
       "<tt>jixiao-cli check FILE…</tt>  — do the files load?\n"
       "<tt>jixiao-cli normalize FILE -o OUT</tt>  — rewrite in the standard layout\n\n"
       "Run <tt>jixiao-cli --help</tt> for all commands and <tt>jixiao-cli COMMAND --help</tt> "
       "for the options of one.") },
};

static GtkWidget *
section_widget (const Section *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_(section->title));
  GtkWidget *body = gtk_label_new (NULL);

  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, -1);
  gtk_label_set_markup (GTK_LABEL (body), _(section->body));
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

GtkWindow *
jx_help_window_new (GtkWindow *parent)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_window_set_title (GTK_WINDOW (window), _("Jixiao Help"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 600);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  /* Escape and Ctrl+W close it: it is not one of the application's
   * windows, so the application's Ctrl+W does not reach it. */
  gtk_widget_add_controller (GTK_WIDGET (window), jx_widget_close_keys ());
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_box_append (GTK_BOX (box), section_widget (&sections[i]));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  /* Start with the focus on the page, not on the first selectable text,
   * which GTK would select whole when it got the focus. */
  gtk_widget_set_focusable (scrolled, TRUE);
  gtk_window_set_focus (GTK_WINDOW (window), scrolled);
  return GTK_WINDOW (window);
}
