/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-change.h"

G_BEGIN_DECLS

/* The fields the comparison and the roll-forward fill in. */
struct _JxChange
{
  GObject         parent_instance;
  JxChangeSection section;
  JxChangeKind    kind;
  JxChangeItem    item;
  const char     *member;     /* static */
  char           *place;
  char           *old_path;
  char           *new_path;
  int             old_project;
  int             new_project;
  int             old_position;
  int             new_position;
  char           *old_text;
  char           *new_text;
  GArray         *old_marks;  /* JxTextSpan */
  GArray         *new_marks;
  JxMoney         old_funds[JX_N_FUNDS];
  JxMoney         new_funds[JX_N_FUNDS];
  char           *money_unit; /* set for funds only */
};

JxChange *jx_change_new       (JxChangeSection  section,
                               JxChangeKind     kind,
                               JxChangeItem     item);
/* Sets both texts and marks the words that differ; compared is the old
 * text as it is compared (the same length in bytes), or NULL for itself. */
void      jx_change_set_texts (JxChange        *self,
                               const char      *old_text,
                               const char      *new_text,
                               const char      *compared);

G_END_DECLS
