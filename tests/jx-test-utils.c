/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "jx-document-io.h"
#include "jx-test-utils.h"

char *
jx_test_source_path (const char *relative)
{
  const char *root = g_getenv ("JX_SOURCE_ROOT");

  if (root == NULL)
    root = g_test_get_dir (G_TEST_DIST) != NULL ? g_test_get_dir (G_TEST_DIST) : ".";
  return g_build_filename (root, relative, NULL);
}

char *
jx_test_read_file (const char *path,
                   gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

char *
jx_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jixiao-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
jx_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      jx_test_remove_tree (child);
    }
  g_rmdir (path);
}

void
jx_test_isolate_xdg (void)
{
  g_autofree char *root = jx_test_make_tmpdir ();
  const char *names[] = { "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = g_build_filename (root, names[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (names[i], dir, TRUE);
    }
}

char *
jx_test_isolate_fonts (const char *folder)
{
  char *tmp = jx_test_make_tmpdir ();
  g_autofree char *conf = g_build_filename (tmp, "fonts.conf", NULL);
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                           "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                                           "<fontconfig>\n"
                                           "  <dir>%s</dir>\n"
                                           "  <dir prefix=\"xdg\">fonts</dir>\n"
                                           "  <cachedir>%s/cache</cachedir>\n"
                                           "</fontconfig>\n", folder, tmp);

  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);
  /* prefix="xdg" also reads the fonts of XDG_DATA_DIRS (/usr/share). */
  g_setenv ("XDG_DATA_DIRS", tmp, TRUE);
  return tmp;
}

JxDocument *
jx_test_load (const char *relative)
{
  g_autofree char *path = jx_test_source_path (relative);
  g_autoptr(GError) error = NULL;
  JxDocument *document = jx_document_load_file (path, &error);

  g_assert_no_error (error);
  return document;
}

JxDocument *
jx_test_load_example (void)
{
  return jx_test_load ("data/examples/zunhua-renda-2024.json");
}

JxProject *
jx_test_project_at (JxDocument *document,
                    guint       position)
{
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), position);

  g_assert_nonnull (project);
  return project;
}

JxIndicator *
jx_test_indicator_at (JxProject *project,
                      guint      position)
{
  g_autoptr(JxIndicator) indicator = g_list_model_get_item (jx_project_get_indicators (project), position);

  g_assert_nonnull (indicator);
  return indicator;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
jx_test_wait_for (JxTestCondition condition,
                  gpointer        data,
                  guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  GMainContext *context = g_main_context_get_thread_default ();
  GSource *wake;
  gboolean held;

  if (condition (data))
    return TRUE;
  /* Blocking iterations, woken often enough to look at the clock and at
   * conditions no source announces (a file written by another thread). */
  wake = g_timeout_source_new (5);
  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, context);
  while (!(held = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (wake);
  g_source_unref (wake);
  return held;
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

gboolean
jx_test_wait_result (GAsyncResult **result)
{
  return jx_test_wait_for (result_set, result, 30000);
}

void
jx_test_keep_result (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

void
jx_test_run_pending (void)
{
  GMainContext *context = g_main_context_get_thread_default ();

  while (g_main_context_iteration (context, FALSE))
    ;
}

/* ---- A large workbook ---- */

void
jx_test_zip_add_part (gpointer    outfile,
                      const char *path,
                      const char *contents,
                      gsize       length)
{
  GsfOutfile *zip = GSF_OUTFILE (outfile);
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  guint n = g_strv_length (names);
  GsfOutfile *dir = g_object_ref (zip);
  GsfOutput *child;

  for (guint i = 0; i + 1 < n; i++)
    {
      GsfOutfile *sub = GSF_OUTFILE (gsf_outfile_new_child (dir, names[i], TRUE));

      g_object_unref (dir);
      dir = sub;
    }
  child = gsf_outfile_new_child (dir, names[n - 1], FALSE);
  g_assert_true (gsf_output_write (child, length, (const guint8 *) contents));
  gsf_output_close (child);
  g_object_unref (child);
  if (dir != zip)
    gsf_output_close (GSF_OUTPUT (dir));
  g_object_unref (dir);
}

static void
append_cell (GString *sheet, guint row, char column, const char *text)
{
  g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>%s</t></is></c>",
                          column, row, text);
}

void
jx_test_write_workbook (const char *path,
                        guint       n_rows,
                        guint       rows_per_project)
{
  static const char *header[] = { "项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值" };
  g_autoptr(GString) workbook = g_string_new (
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"绩效指标\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  g_autoptr(GString) rels = g_string_new (
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>");
  g_autoptr(GString) sheet = g_string_new (
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\">");
  GsfOutput *sink = gsf_output_stdio_new (path, NULL);
  GsfOutfile *zip;

  g_assert_nonnull (sink);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_cell (sheet, 1, 'A' + i, header[i]);
  g_string_append (sheet, "</row>");
  for (guint i = 0; i < n_rows; i++)
    {
      guint row = i + 2, project = i / rows_per_project;
      g_autofree char *code = g_strdup_printf ("1010%05u", project);
      g_autofree char *name = g_strdup_printf ("项目%u", project);
      g_autofree char *indicator = g_strdup_printf ("指标%u", i % rows_per_project);
      g_autofree char *value = g_strdup_printf ("≥%u次", i % 97 + 1);

      g_string_append_printf (sheet, "<row r=\"%u\">", row);
      append_cell (sheet, row, 'A', code);
      append_cell (sheet, row, 'B', name);
      append_cell (sheet, row, 'C', "产出指标");
      append_cell (sheet, row, 'D', "数量指标");
      append_cell (sheet, row, 'E', indicator);
      append_cell (sheet, row, 'F', value);
      g_string_append (sheet, "</row>");
    }
  g_string_append (sheet, "</sheetData></worksheet>");
  zip = gsf_outfile_zip_new (sink, NULL);
  jx_test_zip_add_part (zip, "xl/workbook.xml", workbook->str, workbook->len);
  jx_test_zip_add_part (zip, "xl/_rels/workbook.xml.rels", rels->str, rels->len);
  jx_test_zip_add_part (zip, "xl/worksheets/sheet1.xml", sheet->str, sheet->len);
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  g_object_unref (sink);
}
