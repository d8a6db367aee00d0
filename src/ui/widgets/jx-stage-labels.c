/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-scoring.h"
#include "jx-stage-labels.h"

char *
jx_stage_months_text (guint    month,
                      gboolean capitalised)
{
  /* One month is not a range: 1月, not 1–1月. */
  if (month <= 1)
    return g_strdup (capitalised ? _("Month 1") : _("month 1"));
  /* TRANSLATORS: the months of a monitoring, from January to month %u */
  return g_strdup_printf (capitalised ? _("Months 1–%u") : _("months 1–%u"), month);
}

char *
jx_stage_months_label (const char *format,
                       guint       month)
{
  g_autofree char *months = jx_stage_months_text (month, FALSE);

  return g_strdup_printf (format, months);
}

char *
jx_stage_percent_text (double percent)
{
  g_autofree char *number = NULL;

  if (percent < 0)
    return g_strdup ("—");
  /* To 0.01, trailing zeros dropped: the forms' way with scores too. */
  number = jx_score_format (percent);
  return g_strconcat (number, "%", NULL);
}
