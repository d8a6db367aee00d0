/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cancelling an import stops the reading: a clerk who cancels a long sheet
 * or Word file gets the core back at once, not when the reader would have
 * reached the end. Each test measures a full read of a large file made here
 * and compares a cancelled read of the same file with it, in the same run,
 * so a busy machine slows both alike. */
#include "config.h"

#include <gsf/gsf.h>
#include <string.h>

#include "jx-import-plan.h"
#include "jx-import.h"
#include "jx-text-item.h"
#include "jx-sheet-import-private.h"
#include "jx-sheet-read.h"
#include "jx-test-utils.h"

/* Rows of the large sheet: nearly the 100,000 a sheet may have. */
#define N_ROWS 90000
#define ROWS_PER_PROJECT 90
/* Paragraphs of the large Word file: some 15 MB of XML, under the 16 MB
 * any file may unpack to. */
#define N_PARAGRAPHS 120000

static char *tmpdir;

/* ---- Large files ---- */

/* A zip file at tmpdir/name of path, contents, …, NULL. */
static char *
write_zip (const char *name, ...)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  GsfOutput *sink = gsf_output_stdio_new (path, NULL);
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  va_list args;

  va_start (args, name);
  for (const char *part = va_arg (args, const char *); part != NULL;
       part = va_arg (args, const char *))
    {
      GString *contents = va_arg (args, GString *);

      jx_test_zip_add_part (zip, part, contents->str, contents->len);
    }
  va_end (args);
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  g_object_unref (sink);
  return path;
}

static char *
write_large_workbook (void)
{
  char *path = g_build_filename (tmpdir, "large.xlsx", NULL);

  jx_test_write_workbook (path, N_ROWS, ROWS_PER_PROJECT);
  return path;
}

static char *
write_large_csv (void)
{
  g_autoptr(GString) text = g_string_new ("项目编码,项目名称,一级指标,二级指标,三级指标,指标值\n");
  char *path = g_build_filename (tmpdir, "large.csv", NULL);
  g_autofree char *gbk = NULL;
  gsize length;

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (text, "1010%05u,项目%u,产出指标,数量指标,指标%u,≥%u次\n",
                            i / ROWS_PER_PROJECT, i / ROWS_PER_PROJECT, i % ROWS_PER_PROJECT,
                            i % 97 + 1);
  /* In GBK, as Chinese Excel and WPS save CSV: the conversion is part of
   * what a cancel stops. */
  gbk = g_convert (text->str, text->len, "GB18030", "UTF-8", NULL, &length, NULL);
  g_assert_nonnull (gbk);
  g_assert_true (g_file_set_contents (path, gbk, (gssize) length, NULL));
  return path;
}

/* A Word file of a department's 总体绩效目标 in many numbered points: the
 * body is all one part, read as one stream. (Numbers go up to 999 and
 * start again, so that each paragraph is a point of its own.) */
static char *
write_large_docx (void)
{
  g_autoptr(GString) body = g_string_new (
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>一、总体绩效目标</w:t></w:r></w:p>");

  for (guint i = 0; i < N_PARAGRAPHS; i++)
    g_string_append_printf (body, "<w:p><w:r><w:t>%u. 完成第%u项工作任务，"
                            "保障机关正常运转，提高履职效能%u次。</w:t></w:r></w:p>",
                            i % 999 + 1, i + 1, i % 89);
  g_string_append (body, "<w:sectPr/></w:body></w:document>");
  return write_zip ("large.docx", "word/document.xml", body, NULL);
}

/* ---- Reading in a thread ---- */

typedef enum
{
  READ_DOCUMENT,   /* jx_import_file */
  READ_ROWS,       /* jx_import_rows_read */
} ReadKind;

typedef struct
{
  const char *path;
  ReadKind kind;
  GCancellable *cancellable;
  gboolean read;   /* something came back */
  GError *error;
} Read;

static gpointer
read_thread (gpointer data)
{
  Read *read = data;

  if (read->kind == READ_DOCUMENT)
    {
      g_autoptr(JxDocument) document = jx_import_file (read->path, NULL, read->cancellable,
                                                       &read->error);

      read->read = document != NULL;
    }
  else
    {
      g_autoptr(JxImportRows) rows = jx_import_rows_read (read->path, read->cancellable,
                                                          &read->error);

      read->read = rows != NULL;
    }
  return NULL;
}

/* Seconds a whole read of path takes; it must succeed. */
static double
time_full_read (const char *path, ReadKind kind)
{
  Read read = { path, kind, NULL, FALSE, NULL };
  gint64 start = g_get_monotonic_time ();

  read_thread (&read);
  g_assert_no_error (read.error);
  g_assert_true (read.read);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Starts reading path in a thread, cancels a quarter of a full read's time
 * later, and gives the seconds from the start until the thread returned;
 * the read must have failed as cancelled and returned nothing. */
static double
time_cancelled_read (const char *path, ReadKind kind, double full)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Read read = { path, kind, cancellable, FALSE, NULL };
  gint64 start = g_get_monotonic_time ();
  GThread *thread = g_thread_new ("import", read_thread, &read);
  double taken;

  /* Not a wait for a result: the cancel is meant to land halfway in. */
  g_usleep ((gulong) (full * 1e6 / 4));
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  taken = (g_get_monotonic_time () - start) / 1e6;
  g_assert_error (read.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (read.read);
  g_clear_error (&read.error);
  return taken;
}

/* A cancel a quarter of the way in ends the read well before a full read
 * would: at most half of its time, the quarter included. */
static void
assert_cancel_stops (const char *path, ReadKind kind)
{
  double full = time_full_read (path, kind);
  double cancelled = time_cancelled_read (path, kind, full);

  g_test_message ("%s: full read %.3f s, cancelled after %.3f s: done after %.3f s",
                  path, full, full / 4, cancelled);
  g_assert_cmpfloat (cancelled, <, full / 2);
}

static void
test_workbook (void)
{
  g_autofree char *path = write_large_workbook ();

  assert_cancel_stops (path, READ_DOCUMENT);
  assert_cancel_stops (path, READ_ROWS);
}

static void
test_csv (void)
{
  g_autofree char *path = write_large_csv ();

  assert_cancel_stops (path, READ_DOCUMENT);
  assert_cancel_stops (path, READ_ROWS);
}

static void
test_docx (void)
{
  g_autofree char *path = write_large_docx ();

  assert_cancel_stops (path, READ_DOCUMENT);
}

/* A cancellable cancelled before the read starts reads nothing. */
static void
test_cancelled_before (void)
{
  g_autofree char *path = write_large_csv ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(JxImportRows) rows = NULL;

  g_cancellable_cancel (cancellable);
  document = jx_import_file (path, NULL, cancellable, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  rows = jx_import_rows_read (path, cancellable, &error);
  g_assert_null (rows);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---- How soon the readers notice ---- */

typedef struct
{
  GCancellable *cancellable;
  guint cancel_at;   /* rows handed over before cancelling */
  guint rows;
} Counting;

static gboolean
count_row_cb (guint row, const JxCell *cells, guint n, gpointer user_data, GError **error)
{
  Counting *counting = user_data;

  if (++counting->rows == counting->cancel_at)
    g_cancellable_cancel (counting->cancellable);
  return TRUE;
}

static const JxSheetCallbacks counting_callbacks = { NULL, count_row_cb };

/* Cancelled at row 10,000 of 90,000 (from the row callback, as another
 * thread could at that moment), a reader hands over a few hundred rows
 * more at most: what it had unpacked already. */
static void
test_rows_after_cancel (void)
{
  g_autofree char *xlsx = write_large_workbook ();
  g_autofree char *csv = write_large_csv ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Counting counting = { cancellable, 10000, 0 };
  g_autofree char *text = NULL;
  gsize length;
  GsfInput *input;
  GsfInfile *zip;
  JxImportBudget budget;

  text = jx_test_read_file (csv, &length);
  g_assert_false (jx_sheet_read_csv (text, length, "表", &counting_callbacks, &counting,
                                     cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("CSV: %u rows handed over", counting.rows);
  g_assert_cmpuint (counting.rows, <, counting.cancel_at + 2000);

  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  counting.rows = 0;
  input = gsf_input_stdio_new (xlsx, NULL);
  zip = gsf_infile_zip_new (input, NULL);
  g_assert_nonnull (zip);
  jx_import_budget_init (&budget, (guint64) gsf_input_size (input), cancellable);
  g_assert_false (jx_sheet_read_xlsx (zip, &budget, &counting_callbacks, &counting, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("workbook: %u rows handed over", counting.rows);
  g_assert_cmpuint (counting.rows, <, counting.cancel_at + 2000);
  g_object_unref (zip);
  g_object_unref (input);
}

/* A Word file whose first point goes on for n unnumbered paragraphs,
 * or, with separate, the same paragraphs each a point of its own. */
static char *
write_point_docx (const char *name, guint n, gboolean separate)
{
  g_autoptr(GString) body = g_string_new (
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>一、总体绩效目标</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>1. 保障机关正常运转。</w:t></w:r></w:p>");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, "<w:p><w:r><w:t>%s完成第%u项工作任务，提高履职效能。</w:t></w:r></w:p>",
                            separate ? "1. " : "", i + 1);
  g_string_append (body, "<w:sectPr/></w:body></w:document>");
  return write_zip (name, "word/document.xml", body, NULL);
}

/* A point that goes on over 20,000 paragraphs is read about as fast as
 * 20,000 points: each paragraph is added to it, the point is not copied
 * again with each one (which took seconds, and grew with the square). */
static void
test_long_point (void)
{
  g_autofree char *one = write_point_docx ("long-point.docx", 20000, FALSE);
  g_autofree char *many = write_point_docx ("many-points.docx", 20000, TRUE);
  double separate = time_full_read (many, READ_DOCUMENT);
  double together;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(JxTextItem) point = NULL;
  const char *text;
  guint lines = 1;
  gint64 start = g_get_monotonic_time ();

  document = jx_import_file (one, NULL, NULL, &error);
  together = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_points (document)), ==, 1);
  point = g_list_model_get_item (jx_document_get_points (document), 0);
  text = jx_text_item_get_text (point);
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    lines++;
  g_assert_cmpuint (lines, ==, 20001);
  g_assert_true (g_str_has_prefix (text, "保障机关正常运转。\n完成第1项工作任务"));
  g_assert_true (g_str_has_suffix (text, "完成第20000项工作任务，提高履职效能。"));
  g_test_message ("one point of 20,001 paragraphs: %.3f s; 20,001 points: %.3f s", together, separate);
  g_assert_cmpfloat (together, <, 4 * separate);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = jx_test_make_tmpdir ();
  g_test_add_func ("/import-cancel/workbook", test_workbook);
  g_test_add_func ("/import-cancel/csv", test_csv);
  g_test_add_func ("/import-cancel/docx", test_docx);
  g_test_add_func ("/import-cancel/cancelled-before", test_cancelled_before);
  g_test_add_func ("/import-cancel/rows-after-cancel", test_rows_after_cancel);
  g_test_add_func ("/import-speed/long-point", test_long_point);
  status = g_test_run ();
  jx_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
