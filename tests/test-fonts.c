/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jx-fonts.h"
#include "jx-page-fonts.h"
#include "jx-test-utils.h"

/* The fonts of a machine that has only one Chinese font (AR PL, from
 * fonts-arphic-*), as fontconfig is told here: what stands in for the
 * office fonts, which characters have no font, and a clerk adding font
 * files that the printout uses at once. */

#define EXTENSION_B_SAMPLE 0x20000
#define ONLY_FONTS "/usr/share/fonts/truetype/arphic"
#define ADDED_FONT "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
#define ADDED_FAMILY "WenQuanYi Micro Hei"
#define RARE_FONT "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"

static char *tmp;

typedef PangoContext JxTestContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxTestContext, g_object_unref)

/* Before fontconfig starts: a configuration with one font folder and the
 * user's font folder, as on a bare machine. */
static void
isolate_fontconfig (void)
{
  g_autofree char *conf = NULL;
  g_autofree char *text = NULL;

  tmp = jx_test_make_tmpdir ();
  conf = g_build_filename (tmp, "fonts.conf", NULL);
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                          "<fontconfig>\n"
                          "  <dir>%s</dir>\n"
                          "  <dir prefix=\"xdg\">fonts</dir>\n"
                          "  <cachedir>%s/cache</cachedir>\n"
                          "</fontconfig>\n", ONLY_FONTS, tmp);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);
  /* prefix="xdg" also reads the fonts of XDG_DATA_DIRS (/usr/share). */
  g_setenv ("XDG_DATA_DIRS", tmp, TRUE);
}

static void
test_stand_ins (void)
{
  g_autoptr(JxTestContext) context = jx_page_context_new ();
  g_autofree char *body = jx_font_role_get_stand_in (context, JX_FONT_BODY);
  g_autofree char *line = jx_fonts_describe_stand_ins (context);

  g_assert_true (g_str_has_prefix (body, "AR PL"));
  g_assert_cmpstr (jx_font_role_get_office_family (JX_FONT_BODY), ==, "仿宋_GB2312");
  g_assert_cmpstr (jx_font_role_get_office_family (JX_FONT_TITLE), ==, "方正小标宋简体");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "仿宋_GB2312 is not installed: AR PL"));
  g_assert_nonnull (strstr (line, "黑体 is not installed"));
  /* Body, table and narrow share the office font: named once. */
  g_assert_null (strstr (strstr (line, "仿宋_GB2312") + 1, "仿宋_GB2312"));
}

static void
test_coverage (void)
{
  g_autoptr(JxFontCoverage) coverage = jx_font_coverage_new ();
  g_autoptr(JxTestContext) context = jx_page_context_new ();
  g_autofree char *rare = jx_font_role_resolve_char (context, JX_FONT_BODY, EXTENSION_B_SAMPLE);

  g_assert_true (jx_font_coverage_covers (0x4E2D, coverage));   /* 中 */
  g_assert_false (jx_font_coverage_covers (EXTENSION_B_SAMPLE, coverage));
  g_assert_false (jx_font_coverage_covers (0x2EBF0, coverage));
  g_assert_cmpstr (rare, ==, "");
}

static void
test_list_chinese (void)
{
  g_auto(GStrv) families = jx_fonts_list_chinese ();

  g_assert_nonnull (families);
  g_assert_true (g_strv_contains ((const char * const *) families, "AR PL UMing CN"));
  g_assert_false (g_strv_contains ((const char * const *) families, ADDED_FAMILY));
  for (guint i = 1; families[i] != NULL; i++)
    g_assert_cmpint (g_utf8_collate (families[i - 1], families[i]), <=, 0);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A clerk adds a font file: it is copied into the user's font folder and
 * the printout uses it at once, without a restart. */
static void
test_install (void)
{
  g_autofree char *dir = jx_fonts_get_user_dir ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) families = NULL;
  g_auto(GStrv) again = NULL;
  g_auto(GStrv) listed = NULL;
  g_autoptr(JxTestContext) context = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *stand_in = NULL;
  g_autofree char *copy = NULL;

  g_assert_false (jx_fonts_have_family (ADDED_FAMILY));
  families = jx_fonts_install_file (ADDED_FONT, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) families, ADDED_FAMILY));
  copy = g_build_filename (dir, "wqy-microhei.ttc", NULL);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_true (jx_fonts_have_family (ADDED_FAMILY));
  listed = jx_fonts_list_chinese ();
  g_assert_true (g_strv_contains ((const char * const *) listed, ADDED_FAMILY));

  jx_font_role_set_family (JX_FONT_BODY, ADDED_FAMILY);
  context = jx_page_context_new ();
  resolved = jx_font_role_resolve (context, JX_FONT_BODY);
  stand_in = jx_font_role_get_stand_in (context, JX_FONT_BODY);
  g_assert_cmpstr (resolved, ==, ADDED_FAMILY);
  g_assert_null (stand_in);
  jx_font_role_set_family (JX_FONT_BODY, NULL);

  /* The same file again: nothing new in the folder. */
  again = jx_fonts_install_file (ADDED_FONT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* A font for rare characters, added by hand: 𠀀 prints with it at once,
 * because every role falls back to it. */
static void
test_install_rare (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) families = NULL;
  g_autoptr(JxTestContext) context = NULL;
  g_autofree char *rare = NULL;
  g_autoptr(JxFontCoverage) coverage = NULL;

  if (!g_file_test (RARE_FONT, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("HanaMinB (fonts-hanazono) is not installed");
      return;
    }
  families = jx_fonts_install_file (RARE_FONT, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) families, "HanaMinB"));
  context = jx_page_context_new ();
  rare = jx_font_role_resolve_char (context, JX_FONT_TITLE, EXTENSION_B_SAMPLE);
  g_assert_cmpstr (rare, ==, "HanaMinB");
  coverage = jx_font_coverage_new ();
  g_assert_true (jx_font_coverage_covers (EXTENSION_B_SAMPLE, coverage));
}

static void
test_install_refused (void)
{
  g_autofree char *dir = jx_fonts_get_user_dir ();
  g_autofree char *text = g_build_filename (tmp, "仿宋_GB2312.ttf", NULL);
  g_autofree char *fifo = g_build_filename (tmp, "pipe.ttf", NULL);
  g_autofree char *empty = g_build_filename (tmp, "empty.ttf", NULL);
  guint before = count_files (dir);
  const char *paths[] = { text, fifo, empty, "/nonexistent/仿宋.ttf" };

  g_assert_true (g_file_set_contents (text, "这不是字体", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_path_get_basename (paths[i]);

      g_assert_null (jx_fonts_install_file (paths[i], &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, base));
    }
  g_assert_cmpuint (count_files (dir), ==, before);
}

int
main (int argc, char **argv)
{
  int status;

  jx_test_isolate_xdg ();
  isolate_fontconfig ();
  g_test_init (&argc, &argv, NULL);
  /* In this order: the later ones add fonts. */
  g_test_add_func ("/fonts/stand-ins", test_stand_ins);
  g_test_add_func ("/fonts/coverage", test_coverage);
  g_test_add_func ("/fonts/list-chinese", test_list_chinese);
  g_test_add_func ("/fonts/install", test_install);
  g_test_add_func ("/fonts/install-rare", test_install_rare);
  g_test_add_func ("/fonts/install-refused", test_install_refused);
  status = g_test_run ();
  jx_test_remove_tree (tmp);
  return status;
}
