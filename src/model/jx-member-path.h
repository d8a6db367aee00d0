/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* A place in a document, as the file names it: "projects[3].indicators[2].value"
 * is the target value of the third indicator of the fourth project (indices
 * from 0). The one parser and printer of these paths: review findings, load
 * errors, focusing a field and undo all go through it.
 *
 * A path is a list of segments, each a member name with an optional index
 * ("projects[3]" is the member "projects" at index 3). The empty path is the
 * whole document. */
typedef struct _JxMemberPath JxMemberPath;

#define JX_TYPE_MEMBER_PATH (jx_member_path_get_type ())
GType         jx_member_path_get_type     (void) G_GNUC_CONST;

JxMemberPath *jx_member_path_new          (void);
/* NULL when text is not a path: member names are ASCII letters, digits and
 * "_", indices decimal and below G_MAXINT. "" is the empty path. */
JxMemberPath *jx_member_path_parse        (const char          *text);
/* Reads the path a message starts with ("projects[0].name: must…"), up to
 * ": ". NULL when the message does not start with one; *rest (may be NULL)
 * then points at the message, else at what follows ": ". */
JxMemberPath *jx_member_path_parse_prefix (const char          *text,
                                           const char         **rest);
JxMemberPath *jx_member_path_copy         (const JxMemberPath  *path);
void          jx_member_path_free         (JxMemberPath        *path);
/* Adds a segment at the end; index -1 for none. Returns path. */
JxMemberPath *jx_member_path_append       (JxMemberPath        *path,
                                           const char          *member,
                                           int                  index);
/* "projects[project]" followed by member, index and field when not NULL
 * or -1: jx_member_path_new_in_project (2, "indicators", 0, "name"). */
JxMemberPath *jx_member_path_new_in_project (guint              project,
                                             const char        *member,
                                             int                index,
                                             const char        *field);

guint         jx_member_path_get_length   (const JxMemberPath  *path);
const char   *jx_member_path_get_member   (const JxMemberPath  *path,
                                           guint                segment);
/* The segment's index, or -1 when it has none. */
int           jx_member_path_get_index    (const JxMemberPath  *path,
                                           guint                segment);
/* The project the path is in ("projects[3]…" → 3), or -1. */
int           jx_member_path_get_project  (const JxMemberPath  *path);
/* The segments from start on, as a path of their own (the place inside a
 * project: jx_member_path_get_tail (path, 1)). */
JxMemberPath *jx_member_path_get_tail     (const JxMemberPath  *path,
                                           guint                start);
/* Whether path is prefix or lies inside it ("projects[1].goals[0]" lies
 * inside "projects[1]"). */
gboolean      jx_member_path_has_prefix   (const JxMemberPath  *path,
                                           const JxMemberPath  *prefix);
gboolean      jx_member_path_equal        (const JxMemberPath  *a,
                                           const JxMemberPath  *b);
char         *jx_member_path_to_string    (const JxMemberPath  *path);

/* Where object (a model object of document: its department, a point, a
 * measure, a project or one of a project's rows) is in it: "department",
 * "projects[2].indicators[0]". NULL for the document itself and for what it
 * does not hold. */
JxMemberPath *jx_member_path_find         (JxDocument          *document,
                                           gpointer             object);

/* The place in a clerk's words, as the forms and the printed document name
 * it: "项目2「新项目」· 绩效指标第1行 · 三级指标". Projects are named from
 * document when it is given and holds them; without it (a file that did not
 * load) by number only. Members this version does not know keep their
 * names. */
char         *jx_member_path_describe     (const JxMemberPath  *path,
                                           JxDocument          *document);
/* The same, with the project the path is in said as project_words
 * ("原项目2「旧名称」", for a project only an older version has) when that
 * is not NULL; the rows inside it are those of document. */
char         *jx_member_path_describe_with_project (const JxMemberPath *path,
                                                    const char         *project_words,
                                                    JxDocument         *document);
/* The same for a path in text; text that is no path comes back as it is. */
char         *jx_member_path_describe_string (const char       *text,
                                              JxDocument       *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxMemberPath, jx_member_path_free)

G_END_DECLS
