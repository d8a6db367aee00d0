/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the review checks alone. The input is a few lines of
 * text; each line replaces one text of a clean document (indicator values,
 * names and categories, usage, goals, Part 1 texts), and then every check
 * runs. It reaches the text analysis much faster than fuzz-document, whose
 * inputs must first be valid documents. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "jx-checks.h"
#include "jx-member-path.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-text-item.h"

static char *base;
static gsize base_length;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  if (!g_file_get_contents (JX_FUZZ_BASE, &base, &base_length, &error))
    g_error ("%s", error->message);
  return 0;
}

static void
set_text (JxDocument *document, guint field, const char *text)
{
  GListModel *projects = jx_document_get_projects (document);
  g_autoptr(JxProject) project = g_list_model_get_item (projects, field % 2);
  GListModel *indicators = jx_project_get_indicators (project);
  g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, (field / 2) % 6);
  g_autoptr(JxTextItem) goal = g_list_model_get_item (jx_project_get_goals (project), 0);

  switch ((field / 12) % 11)
    {
    case 0: jx_indicator_set_value (indicator, text); break;
    case 1: jx_indicator_set_name (indicator, text); break;
    case 2: jx_indicator_set_level2 (indicator, text); break;
    case 3: jx_indicator_set_level1 (indicator, text); break;
    case 4: jx_project_set_usage (project, text); break;
    case 5: if (goal != NULL) jx_text_item_set_text (goal, text); break;
    case 6: jx_project_set_overview_description (project, text); break;
    case 7: jx_project_set_overview_goal (project, text); break;
    case 8: jx_project_set_overview_indicator_summary (project, text); break;
    case 9: jx_document_set_summary (document, text); break;
    default: jx_project_set_name (project, text); break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(JxDocument) document = jx_document_load_data (base, base_length, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  /* The loader lets only UTF-8 without NUL into a document. */
  if (!g_utf8_validate ((const char *) data, size, NULL))
    return 0;
  text = g_strndup ((const char *) data, size);
  lines = g_strsplit (text, "\n", 24);
  for (guint i = 0; lines[i] != NULL; i++)
    set_text (document, g_str_hash (lines[0]) + i, lines[i]);

  findings = jx_checks_run (document);
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *described = jx_member_path_describe_string (jx_finding_get_path (finding), document);

      if (!g_utf8_validate (jx_finding_get_message (finding), -1, NULL) ||
          !g_utf8_validate (described, -1, NULL))
        g_error ("a finding is not UTF-8");
    }
  return 0;
}
