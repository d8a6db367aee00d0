/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-diff.h"

G_BEGIN_DECLS

struct _JxDiff
{
  GObject     parent_instance;
  JxDocument *old_document;
  JxDocument *new_document;
  GListStore *changes;
};

G_END_DECLS
