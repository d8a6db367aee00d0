/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What fuzz-xlsx and fuzz-csv require of every input: it imports as a new
 * document that writes and loads again, and plans into the example and
 * applies, or it is refused with an import error that says why, in UTF-8.
 * The example is read once, from JX_FUZZ_EXAMPLE. */
#pragma once

#include <stdlib.h>
#include <string.h>

#include "jx-document-io.h"
#include "jx-import-plan.h"
#include "jx-sheet-import-private.h"

static char *example;
static gsize example_length;

/* A warning or critical is a crash, except two of libgsf 1.14.50's on a
 * damaged zip, both on the way to a clean refusal: the warning that a
 * member cannot be read (the import then reports the workbook damaged),
 * and the critical of g_date_time_unref (NULL) for a member whose DOS
 * date is impossible (libgsf makes no date and unrefs it anyway). */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  const char *message = "";

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if ((level & G_LOG_LEVEL_ERROR) ||
      ((level & G_LOG_LEVEL_CRITICAL) && strstr (message, "g_date_time_unref") == NULL) ||
      ((level & G_LOG_LEVEL_WARNING) && strstr (message, "Unable to get child") == NULL))
    {
      g_log_writer_standard_streams (level, fields, n_fields, data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static void
fuzz_sheet_init (void)
{
  g_autoptr(GError) error = NULL;

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  if (!g_file_get_contents (JX_FUZZ_EXAMPLE, &example, &example_length, &error))
    g_error ("%s", error->message);
}

static void
fuzz_check_refusal (const GError *error)
{
  if (error == NULL)
    g_error ("refused without an error");
  if (error->domain != JX_IMPORT_ERROR)
    g_error ("error in an unexpected domain: %s", error->message);
  if (!g_utf8_validate (error->message, -1, NULL) || strlen (error->message) < 10)
    g_error ("error message is not a UTF-8 sentence: %s", error->message);
}

static void
fuzz_check_document (JxDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) again = NULL;
  gsize length;
  g_autofree char *data = jx_document_to_data (document, &length);

  again = jx_document_load_data (data, length, &error);
  if (again == NULL)
    g_error ("an imported document does not load: %s\n%s", error->message, data);
}

/* Reads data into a new document, then plans its rows into the example. */
static void
fuzz_import (gboolean (*read) (JxSheetData *data, gconstpointer input, gsize size,
                               GError **error),
             gconstpointer input, gsize size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) target = jx_document_load_data (example, example_length, NULL);
  JxSheetData whole, rows;
  JxDocument *document = NULL;

  jx_sheet_data_init (&whole, TRUE);
  if (read (&whole, input, size, &error))
    document = jx_sheet_import_document (&whole, NULL, &error);
  jx_sheet_data_clear (&whole);
  if (document == NULL)
    {
      fuzz_check_refusal (error);
      return;
    }
  fuzz_check_document (document);
  g_object_unref (document);

  jx_sheet_data_init (&rows, FALSE);
  if (!read (&rows, input, size, &error))
    g_error ("read once but not twice: %s", error->message);
  {
    g_autoptr(JxImportPlan) plan = jx_import_plan_new_from_data (&rows, target, &error);

    if (plan == NULL)
      g_error ("rows that were read could not be planned: %s", error->message);
    if (!jx_import_plan_apply (plan, &error))
      g_error ("a fresh plan did not apply: %s", error->message);
    g_free (jx_import_plan_to_text (plan));
  }
  jx_sheet_data_clear (&rows);
  fuzz_check_document (target);
}
