/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-checkpoint.h"
#include "jx-department.h"
#include "jx-document.h"
#include "jx-finding.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-project.h"
#include "jx-text-item.h"

G_BEGIN_DECLS

/* What a file said about an object beyond what the model knows: the order
 * its members came in, and the members this version does not understand,
 * so that saving writes both back where they were. */
typedef struct
{
  GPtrArray  *order;    /* member names as read; NULL for a new object */
  JsonObject *unknown;  /* members not known to this version, or NULL */
} JxExtras;

void      jx_extras_clear      (JxExtras       *extras);
void      jx_extras_copy       (JxExtras       *dest,
                                const JxExtras *src);
gboolean  jx_extras_has_member (const JxExtras *extras,
                                const char     *name);
/* Forgets that the file had the members names (NULL-terminated), known or
 * not, so that they are written only when they say something. */
void      jx_extras_forget     (JxExtras       *extras,
                                const char * const *names);

/* Replaces *field by a copy of value (NULL counts as ""); TRUE when it changed. */
gboolean  jx_set_string        (char          **field,
                                const char     *value);

/* The model's texts (the strings of documents, projects, indicators…)
 * are shared: one text read many times from a file is held once, and a
 * copied object shares the texts of its original. They read as ordinary
 * strings; only these functions make, share and release them. */
char     *jx_str_new           (const char     *text,
                                gsize           length);
char     *jx_str_empty         (void);
char     *jx_str_ref           (const char     *str);
void      jx_str_unref         (char           *str);
/* Whether more than one reference holds str (a text made by these
 * functions): a text a file has in several places, or a copy's. */
gboolean  jx_str_is_shared     (const char     *str);
/* Like jx_set_string, for a shared text. */
gboolean  jx_str_set           (char          **field,
                                const char     *value);
/* Puts str (a reference the caller gives up) in *field. */
void      jx_str_take          (char          **field,
                                char           *str);

/* Texts seen while reading one file, each kept once. */
typedef struct _JxStrPool JxStrPool;
JxStrPool *jx_str_pool_new     (void);
void      jx_str_pool_free     (JxStrPool      *pool);
/* A new reference to the pool's copy of the text. */
char     *jx_str_pool_get      (JxStrPool      *pool,
                                const char     *text,
                                gsize           length);

/* Constructors for the reader, which hands over shared texts it made. */
JxIndicator *jx_indicator_new_take (char       **texts);
JxTextItem  *jx_text_item_new_take (char        *text);
JxMeasure   *jx_measure_new_take   (char        *heading,
                                    char        *body);
void         jx_project_take_texts (JxProject   *self,
                                    char       **texts);
JxFinding   *jx_finding_new_take   (char        *rule_id,
                                    JxSeverity   severity,
                                    char        *path,
                                    int          project,
                                    char        *message);
void         jx_project_init_funds (JxProject   *self,
                                    JxMoney      fiscal,
                                    JxMoney      other);

JxExtras *jx_document_get_extras          (JxDocument   *self);
JxExtras *jx_document_get_overall_extras  (JxDocument   *self);
JxExtras *jx_department_get_extras        (JxDepartment *self);
JxExtras *jx_project_get_extras           (JxProject    *self);
JxExtras *jx_project_get_funds_extras     (JxProject    *self);
JxExtras *jx_project_get_overview_extras  (JxProject    *self);
JxExtras *jx_checkpoint_get_extras        (JxCheckpoint *self);
JxExtras *jx_indicator_get_extras         (JxIndicator  *self);
JxExtras *jx_measure_get_extras           (JxMeasure    *self);

G_END_DECLS
