/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "jx-change-table.h"
#include "jx-cli-private.h"
#include "jx-diff.h"
#include "jx-file.h"
#include "jx-pdf.h"

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_PDF } Format;

static gboolean
parse_format (const char *name, Format *format)
{
  if (name == NULL || g_str_equal (name, "text"))
    *format = FORMAT_TEXT;
  else if (g_str_equal (name, "json"))
    *format = FORMAT_JSON;
  else if (g_str_equal (name, "pdf"))
    *format = FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static gboolean
write_out (const char *output, const char *data)
{
  g_autoptr(GError) error = NULL;
  gsize length = strlen (data);

  if (output != NULL)
    {
      if (jx_file_replace_contents (output, data, length, &error))
        return TRUE;
      g_printerr ("jixiao-cli: %s\n", error->message);
      return FALSE;
    }
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr ("jixiao-cli: %s\n", _("could not write to standard output"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (JxDiff *diff, const char *old_file, const char *new_file, const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxPageLayout) layout = jx_change_table_new (diff, old_file, new_file);

  if (jx_pdf_write (layout, output, &error))
    return TRUE;
  g_printerr ("jixiao-cli: %s\n", error->message);
  return FALSE;
}

static int
compare (const char *old_file, const char *new_file, Format format, const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) old_document = jx_document_load_file (old_file, &error);
  g_autoptr(JxDocument) new_document = NULL;
  g_autoptr(JxDiff) diff = NULL;
  g_autofree char *data = NULL;
  gboolean written;

  if (old_document == NULL)
    {
      jx_cli_print_load_error (old_file, error);
      return 2;
    }
  new_document = jx_document_load_file (new_file, &error);
  if (new_document == NULL)
    {
      jx_cli_print_load_error (new_file, error);
      return 2;
    }
  diff = jx_diff_new (old_document, new_document);
  /* As diff does: nothing to say about identical documents. */
  if (jx_diff_is_empty (diff) && output == NULL)
    return 0;
  if (format == FORMAT_PDF)
    written = write_pdf (diff, old_file, new_file, output);
  else
    {
      data = format == FORMAT_JSON ? jx_diff_to_json (diff, old_file, new_file)
                                   : jx_diff_to_text (diff);
      written = write_out (output, data);
    }
  if (!written)
    return 2;
  return jx_diff_is_empty (diff) ? 0 : 1;
}

int
jx_cli_diff (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("OLD NEW — what changed between two versions of a document"));
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  Format format;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output “text” (default), “json” or “pdf” (the 修改对照表; needs -o)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (replaced only when complete) instead of standard output"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Lists what changed from OLD to NEW as a reviewer reads it: the cover, Part 1 paragraphs "
      "with the changed words marked, then each project — added, removed, renamed, moved, "
      "funds with the difference, spending plan, goals and indicator rows. Documents of "
      "different years compare too: the year is shown once, and years that name the budget "
      "year are not counted as changes. Changed words are shown as [-old-] and {+new+}. "
      "The exit status is 0 when the documents are the same (nothing is printed), 1 when "
      "they differ and 2 when a file does not load."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (!parse_format (format_name, &format))
    {
      g_printerr (_("jixiao-cli diff: unknown format “%s”: use text, json or pdf\n"), format_name);
      return 2;
    }
  if (argc != 3)
    {
      g_printerr ("%s\n", _("jixiao-cli diff: name two files, the old version and the new"));
      return 2;
    }
  if (format == FORMAT_PDF && output == NULL)
    {
      g_printerr ("%s\n", _("jixiao-cli diff: a PDF needs the output file: -o OUT.pdf"));
      return 2;
    }
  return compare (argv[1], argv[2], format, output);
}
