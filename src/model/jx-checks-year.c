/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-checks-private.h"
#include "jx-year-text.h"

/* The checks of a document carried over from last year. */

/* A code the budget system issued for last year: the new year's code comes
 * from the finance system, so Jixiao never changes it, it only says so. */
static void
check_code_year (JxChecker *c, JxProject *project)
{
  const char *code = jx_project_get_code (project);
  int segment = jx_year_code_segment (code);

  if (segment < 0 || (guint) segment != (c->year - 1) % 100)
    return;
  jx_checker_report (c, RULE_PROJECT_CODE_YEAR, ".code",
                     _("The 项目编码 %s carries the year segment %02d of the %u budget, but this "
                       "is the %u document: enter the new code once the finance system issues "
                       "it. A continuing project that keeps its code can stay as it is."),
                     code, segment, c->year - 1, c->year);
}

void
jx_checks_year_project (JxChecker *c,
                        JxProject *project)
{
  check_code_year (c, project);
}
