/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import entry point: files are told apart by their content, and each
 * kind that cannot be read gets a message saying what to do. */
#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <string.h>
#include <sys/stat.h>

#include "jx-import.h"
#include "jx-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = jx_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  jx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture *fixture, const char *name, const char *data, gsize length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
  return path;
}

/* A container written with libgsf: name, contents, name, contents, …, NULL. */
static char *
write_container (Fixture *fixture, const char *name, gboolean ole, ...)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  GsfOutput *sink = gsf_output_stdio_new (path, NULL);
  GsfOutfile *outfile = ole ? gsf_outfile_msole_new (sink) : gsf_outfile_zip_new (sink, NULL);
  va_list args;

  va_start (args, ole);
  for (const char *member = va_arg (args, const char *); member != NULL;
       member = va_arg (args, const char *))
    {
      const char *contents = va_arg (args, const char *);
      g_auto(GStrv) parts = g_strsplit (member, "/", -1);
      GsfOutfile *dir = g_object_ref (outfile);
      GsfOutput *child;

      for (guint i = 0; parts[i + 1] != NULL; i++)
        {
          GsfOutfile *sub = GSF_OUTFILE (gsf_outfile_new_child (dir, parts[i], TRUE));

          g_object_unref (dir);
          dir = sub;
        }
      child = gsf_outfile_new_child (dir, parts[g_strv_length (parts) - 1], FALSE);
      gsf_output_write (child, strlen (contents), (const guint8 *) contents);
      gsf_output_close (child);
      g_object_unref (child);
      if (dir != outfile)
        gsf_output_close (GSF_OUTPUT (dir));
      g_object_unref (dir);
    }
  va_end (args);
  g_assert_true (gsf_output_close (GSF_OUTPUT (outfile)));
  g_object_unref (outfile);
  g_object_unref (sink);
  return path;
}

static void
assert_refused (const char *path, JxImportError code, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportReport) report = jx_import_report_new ();
  g_autoptr(JxDocument) document = jx_import_file (path, report, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, JX_IMPORT_ERROR, (gint) code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpuint (jx_import_report_get_n_notes (report), ==, 0);
}

static void
test_old_binary_files (Fixture *fixture, gconstpointer data)
{
  g_autofree char *doc = write_container (fixture, "去年.docx", TRUE,
                                          "WordDocument", "x", NULL);
  g_autofree char *xls = write_container (fixture, "表.xlsx", TRUE,
                                          "Workbook", "x", NULL);
  g_autofree char *locked = write_container (fixture, "加密.docx", TRUE,
                                             "EncryptionInfo", "x",
                                             "EncryptedPackage", "x", NULL);

  /* The names say .docx and .xlsx: the content decides. */
  assert_refused (doc, JX_IMPORT_ERROR_OLD_FORMAT, ".doc)");
  assert_refused (doc, JX_IMPORT_ERROR_OLD_FORMAT, "save it as a Word document (.docx)");
  assert_refused (xls, JX_IMPORT_ERROR_OLD_FORMAT, ".xls)");
  assert_refused (locked, JX_IMPORT_ERROR_ENCRYPTED, "password");
}

static void
test_other_containers (Fixture *fixture, gconstpointer data)
{
  g_autofree char *odt = write_container (fixture, "a.docx", FALSE,
                                          "mimetype", "application/vnd.oasis.opendocument.text",
                                          "content.xml", "<x/>", NULL);
  g_autofree char *zip = write_container (fixture, "b.docx", FALSE,
                                          "readme.txt", "hello", NULL);
  static const char broken_zip[] = "PK\003\004 this is not really a zip file";
  g_autofree char *broken = write_file (fixture, "c.docx", broken_zip, sizeof broken_zip);

  assert_refused (odt, JX_IMPORT_ERROR_OLD_FORMAT, "OpenDocument text (.odt)");
  assert_refused (zip, JX_IMPORT_ERROR_UNSUPPORTED, "word/document.xml");
  assert_refused (broken, JX_IMPORT_ERROR_DAMAGED, "damaged");
}

static void
test_not_office_files (Fixture *fixture, gconstpointer data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autofree char *empty = write_file (fixture, "empty.docx", "", 0);
  g_autofree char *image = write_file (fixture, "x.docx", (const char *) png, sizeof png);
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.docx", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "none.docx", NULL);

  assert_refused (empty, JX_IMPORT_ERROR_EMPTY, "empty");
  assert_refused (image, JX_IMPORT_ERROR_UNSUPPORTED, ".docx");
  assert_refused (example, JX_IMPORT_ERROR_UNSUPPORTED, "open it instead");
  assert_refused (fixture->dir, JX_IMPORT_ERROR_UNREADABLE, "folder");
  assert_refused (missing, JX_IMPORT_ERROR_UNREADABLE, "could not be read");
  /* A pipe would block a reader forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, JX_IMPORT_ERROR_UNREADABLE, "pipe");
}

static void
test_report_text (void)
{
  g_autoptr(JxImportReport) report = jx_import_report_new ();
  g_autofree char *empty = jx_import_report_to_text (report);
  g_autofree char *text = NULL;

  g_assert_cmpstr (empty, ==, "");
  jx_import_report_add (report, "第 2 个表格，第 7 行", "“%s” was not placed", "备注");
  jx_import_report_add (report, "第一部分，第 3 段", "kept as a point");
  g_assert_cmpuint (jx_import_report_get_n_notes (report), ==, 2);
  g_assert_cmpstr (jx_import_report_get_place (report, 1), ==, "第一部分，第 3 段");
  g_assert_cmpstr (jx_import_report_get_text (report, 0), ==, "“备注” was not placed");
  text = jx_import_report_to_text (report);
  g_assert_cmpstr (text, ==, "第 2 个表格，第 7 行: “备注” was not placed\n"
                             "第一部分，第 3 段: kept as a point\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import/old-binary-files", Fixture, NULL,
              fixture_set_up, test_old_binary_files, fixture_tear_down);
  g_test_add ("/import/other-containers", Fixture, NULL,
              fixture_set_up, test_other_containers, fixture_tear_down);
  g_test_add ("/import/not-office-files", Fixture, NULL,
              fixture_set_up, test_not_office_files, fixture_tear_down);
  g_test_add_func ("/import/report-text", test_report_text);
  return g_test_run ();
}
