/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The printed document's fonts by role. Each role names a family list with
 * the office font first and a free font last, so that the same file prints
 * with 仿宋_GB2312 in an office and with Noto CJK on a bare Debian. */
typedef enum
{
  JX_FONT_TITLE,    /* 小标宋: cover, part titles */
  JX_FONT_HEADING,  /* 黑体: "一、" headings, table titles */
  JX_FONT_BODY,     /* 仿宋: running text */
  JX_FONT_TABLE,    /* 仿宋, smaller: table cells */
  JX_FONT_NARROW,   /* table cells of a dozen columns: 资金支出计划 */
  JX_FONT_FOLIO,    /* 宋体: page numbers, 4号 */
  JX_N_FONT_ROLES
} JxFontRole;

typedef struct
{
  const char *id;
  const char *families;
  double      size;          /* points */
  double      pitch;         /* line pitch, points */
  /* Weight used when only the free fallback is found: a bold Song stands
   * in for 小标宋, which is a bold face by itself. */
  PangoWeight fallback_weight;
  /* The office fonts, preferred first; any other font is a stand-in. */
  const char *office;
} JxFontRoleInfo;

const JxFontRoleInfo *jx_font_role_get_info     (JxFontRole    role);
/* A family to try before the role's built-in list (the preferences), or
 * NULL/"" for the built-in list alone. Applies to the whole process. */
void                  jx_font_role_set_family   (JxFontRole    role,
                                                 const char   *family);
const char           *jx_font_role_get_family   (JxFontRole    role);
/* A context independent of any device: 72 dpi (1 unit = 1 pt), no hinting,
 * zh-cn. Layouts measured with it break lines the same on paper, screen and
 * PDF. */
PangoContext         *jx_page_context_new       (void);
/* The description to lay out text of a role with; bold for emphasis. */
PangoFontDescription *jx_font_role_description  (PangoContext *context,
                                                 JxFontRole    role,
                                                 gboolean      bold);
/* The real family fontconfig gives Chinese text of this role, e.g.
 * "Noto Serif CJK SC" when no 仿宋 is installed. */
char                 *jx_font_role_resolve      (PangoContext *context,
                                                 JxFontRole    role);
/* The family that draws c in this role, "" when no font has it. */
char                 *jx_font_role_resolve_char (PangoContext *context,
                                                 JxFontRole    role,
                                                 gunichar      c);
/* The office font the role is meant for, to name it: "仿宋_GB2312". */
const char           *jx_font_role_get_office_family (JxFontRole role);
/* The family that prints the role's Chinese text because neither an
 * office font nor the family chosen in the preferences is installed
 * ("Noto Serif CJK SC"); NULL when the role has its own font. */
char                 *jx_font_role_get_stand_in (PangoContext *context,
                                                 JxFontRole    role);
/* One translated line for the print dialog and the preview, naming each
 * missing office font and what prints instead ("仿宋_GB2312 is not
 * installed: Noto Serif CJK SC prints instead; …"); NULL when every role
 * has its own font. */
char                 *jx_fonts_describe_stand_ins (PangoContext *context);

G_END_DECLS
