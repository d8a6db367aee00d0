/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-checks.h"
#include "jx-measure.h"
#include "jx-numbering.h"
#include "jx-text-item.h"

/* The fixes the review makes by itself — only what has one right answer:
 * removing numbering the printout adds anyway — and what it tells a clerk
 * about to print. */

/* Reads "[N]" at *p. */
static gboolean
read_index (const char **p, guint *index)
{
  char *end;
  guint64 value;

  if (**p != '[' || !g_ascii_isdigit ((*p)[1]))
    return FALSE;
  value = g_ascii_strtoull (*p + 1, &end, 10);
  if (*end != ']' || value >= G_MAXUINT)
    return FALSE;
  *index = (guint) value;
  *p = end + 1;
  return TRUE;
}

static gpointer
item_at (GListModel *list, guint index)
{
  return index < g_list_model_get_n_items (list) ? g_list_model_get_item (list, index) : NULL;
}

/* The text item (a JxTextItem, or a JxMeasure and which of its texts) a
 * numbering finding points at. */
static GObject *
numbered_item (JxDocument *document, const char *path, gboolean *body)
{
  const char *p = path;
  guint a, b;

  *body = FALSE;
  if (g_str_has_prefix (p, "overall.points"))
    {
      p += strlen ("overall.points");
      return read_index (&p, &a) && *p == '\0' ? item_at (jx_document_get_points (document), a)
                                               : NULL;
    }
  if (g_str_has_prefix (p, "measures"))
    {
      p += strlen ("measures");
      if (!read_index (&p, &a) || (!g_str_equal (p, ".heading") && !g_str_equal (p, ".body")))
        return NULL;
      *body = g_str_equal (p, ".body");
      return item_at (jx_document_get_measures (document), a);
    }
  if (g_str_has_prefix (p, "projects"))
    {
      g_autoptr(JxProject) project = NULL;

      p += strlen ("projects");
      if (!read_index (&p, &a) || !g_str_has_prefix (p, ".goals"))
        return NULL;
      p += strlen (".goals");
      if (!read_index (&p, &b) || *p != '\0' ||
          (project = item_at (jx_document_get_projects (document), a)) == NULL)
        return NULL;
      return item_at (jx_project_get_goals (project), b);
    }
  return NULL;
}

static gboolean
strip_numbering (GObject *item, gboolean body)
{
  const char *text;
  g_autofree char *stripped = NULL;

  if (JX_IS_TEXT_ITEM (item))
    text = jx_text_item_get_text (JX_TEXT_ITEM (item));
  else
    text = body ? jx_measure_get_body (JX_MEASURE (item)) : jx_measure_get_heading (JX_MEASURE (item));
  if (!jx_numbering_has (text))
    return FALSE;
  stripped = jx_numbering_strip (text);
  if (JX_IS_TEXT_ITEM (item))
    jx_text_item_set_text (JX_TEXT_ITEM (item), stripped);
  else if (body)
    jx_measure_set_body (JX_MEASURE (item), stripped);
  else
    jx_measure_set_heading (JX_MEASURE (item), stripped);
  return TRUE;
}

gboolean
jx_checks_can_fix (JxFinding *finding)
{
  g_return_val_if_fail (JX_IS_FINDING (finding), FALSE);

  return g_str_equal (jx_finding_get_rule_id (finding), "text-numbering");
}

const char *
jx_checks_fix_label (JxFinding *finding)
{
  g_return_val_if_fail (JX_IS_FINDING (finding), NULL);

  return jx_checks_can_fix (finding) ? _("Remove the typed numbering") : NULL;
}

gboolean
jx_checks_fix (JxDocument *document,
               JxFinding  *finding)
{
  g_autoptr(GObject) item = NULL;
  gboolean body;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (JX_IS_FINDING (finding), FALSE);

  if (!jx_checks_can_fix (finding))
    return FALSE;
  item = numbered_item (document, jx_finding_get_path (finding), &body);
  return item != NULL && strip_numbering (item, body);
}

guint
jx_checks_fix_all (JxDocument *document,
                   GPtrArray  *findings,
                   const char *rule_id)
{
  guint fixed = 0;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (findings != NULL, 0);

  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      if ((rule_id == NULL || g_str_equal (jx_finding_get_rule_id (finding), rule_id)) &&
          jx_checks_fix (document, finding))
        fixed++;
    }
  return fixed;
}

char *
jx_checks_describe_open (GPtrArray *findings)
{
  g_autofree char *errors_part = NULL;
  g_autofree char *warnings_part = NULL;
  guint errors, warnings;

  g_return_val_if_fail (findings != NULL, NULL);

  jx_checks_count (findings, &errors, &warnings, NULL);
  if (errors == 0)
    return NULL;
  errors_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors),
                                 errors);
  if (warnings == 0)
    return g_strdup_printf (_("The review still finds %s: a finance bureau would return the "
                              "document as it is."), errors_part);
  warnings_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                warnings), warnings);
  /* TRANSLATORS: "The review still finds 2 errors and 3 warnings: …" */
  return g_strdup_printf (_("The review still finds %s and %s: a finance bureau would return "
                            "the document as it is."), errors_part, warnings_part);
}
