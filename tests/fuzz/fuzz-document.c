/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the document loader, writer and review checks.
 * Every input must either load, write, load again and write the same
 * bytes (writing is a fixed point) and pass the checks without a crash,
 * or be refused with an error that names its place. Build and run with
 * tests/fuzz/build.sh (see tests/fuzz/README.md). */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "jx-checks.h"
#include "jx-member-path.h"
#include "jx-document-io.h"
#include "jx-error.h"

/* "LINE:COL: " with both numbers positive. */
static gboolean
starts_with_position (const char *message)
{
  const char *p = message;
  char *end;

  if (!g_ascii_isdigit (*p) || g_ascii_strtoull (p, &end, 10) == 0 || *end != ':')
    return FALSE;
  p = end + 1;
  if (!g_ascii_isdigit (*p) || g_ascii_strtoull (p, &end, 10) == 0)
    return FALSE;
  return g_str_has_prefix (end, ": ") && end[2] != '\0';
}

/* "member.path[2].name: " — a member path, then the reason. */
static gboolean
starts_with_path (const char *message)
{
  const char *colon = strstr (message, ": ");

  if (colon == NULL || colon == message || colon[2] == '\0')
    return FALSE;
  for (const char *p = message; p < colon; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_.[]", *p) == NULL)
      return FALSE;
  return TRUE;
}

static void
check_refusal (const GError *error)
{
  if (error == NULL)
    g_error ("refused without an error");
  if (error->domain == G_IO_ERROR)
    return;
  if (error->domain != JX_DOCUMENT_ERROR)
    g_error ("error in an unexpected domain: %s", error->message);
  switch (error->code)
    {
    case JX_DOCUMENT_ERROR_SYNTAX:
    case JX_DOCUMENT_ERROR_ENCODING:
    case JX_DOCUMENT_ERROR_TOO_DEEP:
      if (!starts_with_position (error->message))
        g_error ("no LINE:COL in “%s”", error->message);
      break;
    case JX_DOCUMENT_ERROR_VERSION:
    case JX_DOCUMENT_ERROR_CONTENT:
      if (!starts_with_path (error->message))
        g_error ("no member path in “%s”", error->message);
      break;
    case JX_DOCUMENT_ERROR_NOT_DOCUMENT:
      if (strlen (error->message) < 10)
        g_error ("no reason in “%s”", error->message);
      break;
    default:
      g_error ("unexpected error code %d: %s", error->code, error->message);
    }
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("error message is not UTF-8");
}

static void
run_checks (JxDocument *document)
{
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  guint n_projects = g_list_model_get_n_items (jx_document_get_projects (document));

  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);
      const char *path = jx_finding_get_path (finding);
      g_autofree char *described = NULL;
      int project = jx_checks_path_project (path);

      if (jx_checks_find_rule (jx_finding_get_rule_id (finding)) == NULL)
        g_error ("finding with unknown rule %s", jx_finding_get_rule_id (finding));
      if (!g_utf8_validate (jx_finding_get_message (finding), -1, NULL))
        g_error ("finding message is not UTF-8");
      if (project >= (int) n_projects)
        g_error ("finding %s points past the last project", path);
      described = jx_member_path_describe_string (path, document);
      if (described != NULL && !g_utf8_validate (described, -1, NULL))
        g_error ("described path is not UTF-8");
    }
  jx_checks_count (findings, NULL, NULL, NULL);
  for (guint i = 0; i < n_projects; i++)
    jx_checks_worst_for_project (findings, i);
}

/* A critical warning is a broken precondition: make it a crash. */
int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(JxDocument) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;

  document = jx_document_load_data ((const char *) data, size, &error);
  if (document == NULL)
    {
      check_refusal (error);
      return 0;
    }
  if (error != NULL)
    g_error ("loaded and set an error: %s", error->message);

  first = jx_document_to_data (document, &first_length);
  if (strlen (first) != first_length || !g_utf8_validate (first, first_length, NULL))
    g_error ("the written text is not UTF-8 of the told length");
  again = jx_document_load_data (first, first_length, &error);
  if (again == NULL)
    g_error ("a written document does not load: %s\n%s", error->message, first);
  second = jx_document_to_data (again, &second_length);
  if (first_length != second_length || memcmp (first, second, first_length) != 0)
    g_error ("writing is not a fixed point:\n%s\n----\n%s", first, second);

  run_checks (document);
  return 0;
}
