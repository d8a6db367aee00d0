/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forms as a clerk uses them: the spending plan's presets and months
 * in order, lines pasted as items, Part 1's texts on one page, F6 and
 * Ctrl+Page Down, a new document's hints. */
#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <X11/keysym.h>
#include <gdk/x11/gdkx.h>
#endif

#include "jx-application.h"
#include "jx-checkpoint.h"
#include "jx-export-notice.h"
#include "jx-form.h"
#include "jx-indicator-table.h"
#include "jx-month-button.h"
#include "jx-overviews-form.h"
#include "jx-preview.h"
#include "jx-print-notice.h"
#include "jx-problems-button.h"
#include "jx-problems-panel.h"
#include "jx-project-form.h"
#include "jx-settings.h"
#include "jx-sidebar.h"
#include "jx-templates.h"
#include "jx-test-gtk.h"
#include "jx-text-area.h"
#include "jx-text-item.h"
#include "jx-text-list-editor.h"
#include "jx-widget-util.h"
#include "jx-window.h"

static JxApplication *app;

static gboolean
wait_for (JxTestCondition check, gpointer data)
{
  return jx_test_wait_for (check, data, 30000);
}

static JxWindow *
open_example_sized (int width, int height)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  jx_test_settle ();
  return window;
}

static JxWindow *
open_example (void)
{
  return open_example_sized (1024, 700);
}

static void
close_window (JxWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

static void
collect (GtkWidget *root, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static GtkWidget *
find_one (GtkWidget *root, GType type)
{
  g_autoptr(GPtrArray) found = find_all (root, type);

  return found->len > 0 ? found->pdata[0] : NULL;
}

static JxProject *
show_project (JxWindow *window, guint position)
{
  JxProject *project = jx_test_project_at (jx_window_get_document (window), position);

  jx_window_show_project (window, project);
  jx_test_settle ();
  return project;
}

/* The spending plan's and the goals' editors of the project form. */
static GtkWidget *
list_editor (JxWindow *window, guint which)
{
  g_autoptr(GPtrArray) editors = find_all (jx_window_get_project_form (window), JX_TYPE_TEXT_LIST_EDITOR);

  g_assert_cmpuint (editors->len, ==, 2);
  return editors->pdata[which];
}

static guint
month_at (JxProject *project, guint i)
{
  g_autoptr(JxCheckpoint) row = g_list_model_get_item (jx_project_get_spending_plan (project), i);

  return jx_checkpoint_get_month (row);
}

static double
percent_at (JxProject *project, guint i)
{
  g_autoptr(JxCheckpoint) row = g_list_model_get_item (jx_project_get_spending_plan (project), i);

  return jx_checkpoint_get_percent (row);
}

/* The months the plan's rows show, top to bottom, are the model's. */
static void
assert_months_shown (JxWindow *window, JxProject *project)
{
  g_autoptr(GPtrArray) buttons = find_all (list_editor (window, 0), JX_TYPE_MONTH_BUTTON);
  GListModel *plan = jx_project_get_spending_plan (project);

  g_assert_cmpuint (buttons->len, ==, g_list_model_get_n_items (plan));
  for (guint i = 0; i < buttons->len; i++)
    {
      g_assert_cmpuint (jx_month_button_get_month (buttons->pdata[i]), ==, month_at (project, i));
      if (i > 0)
        g_assert_cmpuint (month_at (project, i - 1), <, month_at (project, i));
    }
}

/* A preset fills the whole plan in one undo step; a new row takes the
 * first free quarter end with a percent between its neighbours; a month
 * chosen moves its row to its place; the amounts carry the money unit. */
static void
test_plan_presets (void)
{
  JxWindow *window = open_example ();
  JxProject *project = show_project (window, 1);
  GtkWidget *plan = list_editor (window, 0);
  JxUndoStack *undo = jx_window_get_undo_stack (window);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean unit_shown = FALSE;
  guint before = g_list_model_get_n_items (jx_project_get_spending_plan (project));
  guint before_first = month_at (project, 0);

  g_assert_cmpuint (before, ==, 4);
  g_assert_true (gtk_widget_activate_action (plan, "plan.preset", "i", (int) JX_PLAN_PRESET_QUARTERS));
  jx_test_settle ();
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (month_at (project, i), ==, 3 * (i + 1));
      g_assert_cmpfloat (percent_at (project, i), ==, 25.0 * (i + 1));
    }
  assert_months_shown (window, project);
  jx_test_screenshot (window, "plan-preset-quarters-1024x700");
  /* One step back is the plan as it was. */
  g_assert_true (jx_undo_stack_undo (undo));
  jx_test_settle ();
  g_assert_cmpuint (month_at (project, 0), ==, before_first);
  g_assert_cmpfloat (percent_at (project, 2), ==, 90);

  /* 上下半年, then 添加月份: the first free quarter end, March, at the top,
   * halfway to June's 50%. */
  g_assert_true (gtk_widget_activate_action (plan, "plan.preset", "i", (int) JX_PLAN_PRESET_HALVES));
  jx_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_spending_plan (project)), ==, 2);
  jx_text_list_editor_add (JX_TEXT_LIST_EDITOR (plan));
  jx_test_settle ();
  g_assert_cmpuint (month_at (project, 0), ==, 3);
  g_assert_cmpfloat (percent_at (project, 0), ==, 25);
  assert_months_shown (window, project);

  /* March's row moved to August goes between June and December. */
  buttons = find_all (plan, JX_TYPE_MONTH_BUTTON);
  g_signal_emit_by_name (buttons->pdata[0], "month-chosen", 8);
  jx_test_settle ();
  g_assert_cmpuint (month_at (project, 0), ==, 6);
  g_assert_cmpuint (month_at (project, 1), ==, 8);
  g_assert_cmpuint (month_at (project, 2), ==, 12);
  assert_months_shown (window, project);

  /* "= 4.50万元": the amount beside a percent is in the document's unit. */
  labels = find_all (plan, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    unit_shown = unit_shown || g_str_has_suffix (gtk_label_get_text (labels->pdata[i]),
                                                 jx_document_get_money_unit (jx_window_get_document (window)));
  g_assert_true (unit_shown);
  close_window (window);
}

/* The month grid opens with the focus on the row's month, whatever is
 * under the pointer; the grid's button for a month chooses it. */
static gboolean
popover_shows (gpointer button)
{
  GtkWidget *popover = g_object_get_data (button, "popover");

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
third_month_is (gpointer project)
{
  return month_at (project, 2) == GPOINTER_TO_UINT (g_object_get_data (project, "month"));
}

static void
test_month_grid (void)
{
  JxWindow *window = open_example ();
  JxProject *project = show_project (window, 1);
  g_autoptr(GPtrArray) buttons = find_all (list_editor (window, 0), JX_TYPE_MONTH_BUTTON);
  JxMonthButton *button = buttons->pdata[2];
  GtkWidget *menu_button = gtk_widget_get_first_child (GTK_WIDGET (button));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  GtkWidget *focus;

  g_assert_cmpuint (jx_month_button_get_month (button), ==, 10);
  g_object_set_data (G_OBJECT (button), "popover", popover);
  jx_month_button_popup (button);
  g_assert_true (wait_for (popover_shows, button));
  jx_test_settle ();
  focus = gtk_root_get_focus (gtk_widget_get_root (popover));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
  /* "10月底" in Chinese, "End of month 10" here. */
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (focus)), "10"));
  jx_test_screenshot (window, "plan-month-grid-1024x700");
  /* Enter on the month with the focus: July, one line up. */
  g_assert_true (gtk_widget_child_focus (popover, GTK_DIR_UP));
  focus = gtk_root_get_focus (gtk_widget_get_root (popover));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (focus)), "7"));
  g_assert_true (gtk_widget_activate (focus));
  g_object_set_data (G_OBJECT (project), "month", GUINT_TO_POINTER (7));
  g_assert_true (wait_for (third_month_is, project));
  jx_test_settle ();
  g_assert_false (gtk_widget_get_mapped (popover));
  close_window (window);
}

/* Pasting lines into an item. */

typedef struct
{
  GListModel *list;
  guint n;
} Count;

static gboolean
list_has (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->list) == count->n;
}

static const char *
goal_text (JxProject *project, guint i)
{
  g_autoptr(JxTextItem) item = g_list_model_get_item (jx_project_get_goals (project), i);

  return jx_text_item_get_text (item);
}

static gboolean
first_goal_is (gpointer project)
{
  return g_strcmp0 (goal_text (project, 0), g_object_get_data (project, "want")) == 0;
}

/* Three numbered lines pasted at the end of the first goal: the first
 * goes on there, the others are goals of their own after it, without
 * their typed numbers, and one undo puts the goals back. */
static void
test_paste_lines (void)
{
  JxWindow *window = open_example ();
  JxProject *project = show_project (window, 2);
  GListModel *goals = jx_project_get_goals (project);
  guint before = g_list_model_get_n_items (goals);
  g_autofree char *first = NULL;
  g_autoptr(GPtrArray) views = find_all (list_editor (window, 1), JX_TYPE_TEXT_AREA);
  GtkTextView *view = views->pdata[0];
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;
  Count count = { goals, before + 2 };

  g_assert_cmpuint (before, >=, 1);
  first = g_strdup (goal_text (project, 0));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)),
                          "（一）完成代表培训\r\n2、组织视察调研4次\n\n③ 代表建议办复率100%\n");
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (wait_for (list_has, &count));
  jx_test_settle ();
  g_assert_true (g_str_has_prefix (goal_text (project, 0), first));
  g_assert_true (g_str_has_suffix (goal_text (project, 0), "完成代表培训"));
  g_assert_cmpstr (goal_text (project, 1), ==, "组织视察调研4次");
  g_assert_cmpstr (goal_text (project, 2), ==, "代表建议办复率100%");
  jx_test_screenshot (window, "paste-goals-1024x700");

  g_assert_true (jx_undo_stack_undo (jx_window_get_undo_stack (window)));
  jx_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, before);
  g_assert_cmpstr (goal_text (project, 0), ==, first);

  /* One line is an ordinary paste into the text. */
  {
    g_autoptr(GPtrArray) again = find_all (list_editor (window, 1), JX_TYPE_TEXT_AREA);
    g_autofree char *expected = g_strconcat (first, "（含往返）", NULL);
    GtkTextView *area = again->pdata[0];

    g_object_set_data (G_OBJECT (project), "want", expected);
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (area)), "（含往返）");
    gtk_widget_grab_focus (GTK_WIDGET (area));
    buffer = gtk_text_view_get_buffer (area);
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
    g_signal_emit_by_name (area, "paste-clipboard");
    g_assert_true (wait_for (first_goal_is, project));
    g_object_set_data (G_OBJECT (project), "want", NULL);
  }
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, before);
  close_window (window);
}

/* Part 1's page. */

static GtkWidget *
shown_form (JxWindow *window)
{
  g_autoptr(GPtrArray) stacks = find_all (GTK_WIDGET (window), GTK_TYPE_STACK);

  /* The window's stack of pages, whose children are the forms. */
  for (guint i = 0; i < stacks->len; i++)
    {
      GtkWidget *child = gtk_stack_get_visible_child (stacks->pdata[i]);

      if (child != NULL && JX_IS_FORM (child))
        return child;
    }
  g_assert_not_reached ();
}

static gboolean
focus_in_named (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  const char *name = g_object_get_data (window, "want");

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (g_str_equal (gtk_widget_get_name (focus), name))
      return TRUE;
  return FALSE;
}

static void
wait_focus_in (JxWindow *window, const char *name)
{
  g_object_set_data_full (G_OBJECT (window), "want", g_strdup (name), g_free);
  if (!jx_test_wait_for (focus_in_named, window, 5000))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
      g_error ("focus not in %s but in %s %s", name, focus ? G_OBJECT_TYPE_NAME (focus) : "-",
               focus ? gtk_widget_get_name (focus) : "-");
    }
}

/* Every project's three texts on one page in print order, edited there;
 * a project form's link goes to its entry, the entry's link back. */
static void
test_part_one_page (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  JxProject *project = show_project (window, 3);
  GtkWidget *link = jx_widget_find_named (jx_window_get_project_form (window), "overview-link");
  GtkWidget *focus;
  GtkTextBuffer *buffer;

  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  jx_test_settle ();
  g_assert_cmpint (jx_sidebar_get_page (sidebar), ==, JX_SIDEBAR_PAGE_OVERVIEWS);
  g_assert_true (JX_IS_OVERVIEWS_FORM (shown_form (window)));
  wait_focus_in (window, "description");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_ancestor (focus, GTK_TYPE_TEXT_VIEW)));
  {
    g_autofree char *shown = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, jx_project_get_overview_description (project));
  }
  jx_test_screenshot (window, "part-one-page-1024x700");
  gtk_text_buffer_set_text (buffer, "本项目用于人大代表履职。", -1);
  g_assert_cmpstr (jx_project_get_overview_description (project), ==, "本项目用于人大代表履职。");

  /* A finding's place in Part 1 opens here too, at the goal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-path", "s",
                                             "projects[5].overview.goal"));
  wait_focus_in (window, "goal");
  g_assert_true (JX_IS_OVERVIEWS_FORM (shown_form (window)));

  /* And back to the project's table. */
  {
    GtkWidget *row = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_BOX);
    GtkWidget *open = NULL;

    while (row != NULL && (open = jx_widget_find_named (row, "open-project")) == NULL)
      row = gtk_widget_get_parent (row);
    g_assert_nonnull (open);
    g_signal_emit_by_name (open, "clicked");
    jx_test_settle ();
    g_assert_cmpint (jx_sidebar_get_page (sidebar), ==, JX_SIDEBAR_PAGE_PROJECT);
    g_assert_true (jx_sidebar_get_project (sidebar) ==
                   jx_test_project_at (jx_window_get_document (window), 5));
  }
  close_window (window);
}

/* Real keys through the X server (XTest, loaded at run time). */
#ifdef GDK_WINDOWING_X11
static struct
{
  int (*fake_key) (Display *, unsigned int, int, unsigned long);
  int (*fake_button) (Display *, unsigned int, int, unsigned long);
  KeyCode (*keycode) (Display *, KeySym);
  int (*flush) (Display *);
  int (*warp) (Display *, Window, Window, int, int, unsigned, unsigned, int, int);
  int (*set_focus) (Display *, Window, int, Time);
} x;

static gboolean
load_xtest (void)
{
  void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  void *x11 = dlopen ("libX11.so.6", RTLD_NOW);

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xtst == NULL || x11 == NULL)
    return FALSE;
  x.fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  x.fake_button = dlsym (xtst, "XTestFakeButtonEvent");
  x.keycode = dlsym (x11, "XKeysymToKeycode");
  x.flush = dlsym (x11, "XFlush");
  x.warp = dlsym (x11, "XWarpPointer");
  x.set_focus = dlsym (x11, "XSetInputFocus");
  return x.fake_key && x.fake_button && x.keycode && x.flush && x.warp && x.set_focus;
}

static guint released;
static guint watched_keycode;

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 gpointer               data)
{
  if (keycode == watched_keycode)
    released++;
}

/* Key releases seen by a window or a popover (a surface of its own). */
static void
watch_keys (GtkWidget *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (key_released_cb), NULL);
  gtk_widget_add_controller (widget, keys);
}

static gboolean
key_came (gpointer before)
{
  return released > GPOINTER_TO_UINT (before);
}

static void
press (KeySym key, KeySym modifier)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  guint before = released;

  watched_keycode = x.keycode (dpy, key);
  if (modifier != NoSymbol)
    x.fake_key (dpy, x.keycode (dpy, modifier), True, 0);
  x.fake_key (dpy, x.keycode (dpy, key), True, 0);
  x.fake_key (dpy, x.keycode (dpy, key), False, 0);
  if (modifier != NoSymbol)
    x.fake_key (dpy, x.keycode (dpy, modifier), False, 0);
  x.flush (dpy);
  g_assert_true (wait_for (key_came, GUINT_TO_POINTER (before)));
  jx_test_settle ();
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static gboolean
in_widget (JxWindow *window, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
popover_open (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

static gboolean
popover_closed (gpointer popover)
{
  return !gtk_widget_get_mapped (popover);
}

/* F6 goes from the form to the problems, to the project list and back to
 * the form where the focus was; Ctrl+Page Down from a field goes to the
 * same field of the next project. */
static void
test_moving_keys (void)
{
  JxWindow *window;
  JxSidebar *sidebar;
  JxProblemsButton *problems;
  GtkWidget *popover, *name, *form;
  Display *dpy;

  if (!load_xtest ())
    {
      g_test_skip ("needs X11 and libXtst");
      return;
    }
  window = open_example ();
  sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  problems = JX_PROBLEMS_BUTTON (find_one (GTK_WIDGET (window), JX_TYPE_PROBLEMS_BUTTON));
  popover = jx_problems_button_get_popover (problems);
  watch_keys (GTK_WIDGET (window));
  watch_keys (popover);
  show_project (window, 1);
  dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  x.warp (dpy, None, gdk_x11_display_get_xrootwindow (gdk_display_get_default ()), 0, 0, 0, 0, 500, 300);
  x.set_focus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
               RevertToParent, CurrentTime);
  x.flush (dpy);
  g_assert_true (wait_for (window_active, window));

  form = jx_window_get_project_form (window);
  name = jx_widget_find_named (form, "project-name");
  g_assert_true (gtk_widget_grab_focus (name));
  /* The form, the problems, the project list, the form again. */
  press (XK_F6, NoSymbol);
  g_assert_true (wait_for (popover_open, popover));
  press (XK_F6, NoSymbol);
  g_assert_true (wait_for (popover_closed, popover));
  g_assert_true (in_widget (window, GTK_WIDGET (sidebar)));
  /* On the selected project: Down goes on to the next one, and back. */
  press (XK_Down, NoSymbol);
  g_assert_true (jx_sidebar_get_project (sidebar) == jx_test_project_at (jx_window_get_document (window), 2));
  press (XK_Up, NoSymbol);
  g_assert_true (jx_sidebar_get_project (sidebar) == jx_test_project_at (jx_window_get_document (window), 1));
  press (XK_F6, NoSymbol);
  g_assert_true (in_widget (window, name));
  /* Shift+F6 goes the other way: to the project list. */
  press (XK_F6, XK_Shift_L);
  g_assert_true (in_widget (window, GTK_WIDGET (sidebar)));
  press (XK_F6, XK_Shift_L);
  g_assert_true (wait_for (popover_open, popover));
  press (XK_Escape, NoSymbol);
  g_assert_true (wait_for (popover_closed, popover));

  g_assert_true (gtk_widget_grab_focus (name));
  press (XK_Next, XK_Control_L);
  g_assert_true (jx_sidebar_get_project (sidebar) == jx_test_project_at (jx_window_get_document (window), 2));
  g_assert_true (jx_project_form_get_project (JX_PROJECT_FORM (form)) ==
                 jx_test_project_at (jx_window_get_document (window), 2));
  g_assert_true (in_widget (window, jx_widget_find_named (form, "project-name")));
  press (XK_Prior, XK_Control_L);
  press (XK_Prior, XK_Control_L);
  g_assert_true (jx_sidebar_get_project (sidebar) == jx_test_project_at (jx_window_get_document (window), 0));
  /* Before the first project: the guarantee measures, the last part. */
  press (XK_Prior, XK_Control_L);
  g_assert_cmpint (jx_sidebar_get_page (sidebar), ==, JX_SIDEBAR_PAGE_MEASURES);
  close_window (window);
}

static void assert_form_end_shows (JxWindow *window);

static guint wheel_turns;

static gboolean
wheel_seen_cb (GtkEventControllerLegacy *legacy,
               GdkEvent                 *event,
               gpointer                  data)
{
  if (gdk_event_get_event_type (event) == GDK_SCROLL)
    wheel_turns++;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
wheel_came (gpointer before)
{
  return wheel_turns > GPOINTER_TO_UINT (before);
}

static gboolean
pointer_inside (gpointer motion)
{
  return gtk_event_controller_motion_contains_pointer (motion);
}

/* One notch of the mouse wheel through the X server (button 5 down,
 * 4 up), with Shift held when asked, and the frame it leads to. */
static void
turn_wheel (guint button, gboolean shift)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  guint before = wheel_turns;

  if (shift)
    x.fake_key (dpy, x.keycode (dpy, XK_Shift_L), True, 0);
  x.fake_button (dpy, button, True, 0);
  x.fake_button (dpy, button, False, 0);
  if (shift)
    x.fake_key (dpy, x.keycode (dpy, XK_Shift_L), False, 0);
  x.flush (dpy);
  g_assert_true (wait_for (wheel_came, GUINT_TO_POINTER (before)));
  jx_test_settle ();
}

/* The pointer onto the middle of what shows of widget in the page around
 * it, as the X server moves it. */
static void
point_at (JxWindow *window, GtkWidget *widget, GtkWidget *page)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  GtkEventController *motion = gtk_event_controller_motion_new ();
  graphene_rect_t bounds, shown, seen;
  double dx, dy;

  gtk_widget_add_controller (widget, motion);
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  g_assert_true (gtk_widget_compute_bounds (page, GTK_WIDGET (window), &shown));
  g_assert_true (graphene_rect_intersection (&bounds, &shown, &seen));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  x.warp (dpy, None, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))), 0, 0, 0, 0,
          (int) (dx + seen.origin.x + seen.size.width / 2), (int) (dy + seen.origin.y + seen.size.height / 2));
  x.flush (dpy);
  g_assert_true (wait_for (pointer_inside, motion));
  gtk_widget_remove_controller (widget, motion);
}

/* The mouse wheel over the indicator table scrolls the form, down to its
 * last button: the table scrolls only sideways, and only with Shift. As
 * it first shows it fits its place exactly; then a column widened makes
 * it wider than its place. */
static void
test_wheel_over_table (void)
{
  if (!load_xtest ())
    {
      g_test_skip ("needs X11 and libXtst");
      return;
    }
  for (guint widened = 0; widened < 2; widened++)
    {
      JxWindow *window = open_example ();
      GtkEventController *counter = gtk_event_controller_legacy_new ();
      GtkWidget *form, *page, *table, *sideways, *content;
      GtkAdjustment *down, *across;
      graphene_rect_t bounds;

      gtk_event_controller_set_propagation_phase (counter, GTK_PHASE_CAPTURE);
      g_signal_connect (counter, "event", G_CALLBACK (wheel_seen_cb), NULL);
      gtk_widget_add_controller (GTK_WIDGET (window), counter);
      show_project (window, 1);
      form = jx_window_get_project_form (window);
      page = find_one (form, GTK_TYPE_SCROLLED_WINDOW);
      table = find_one (form, JX_TYPE_INDICATOR_TABLE);
      sideways = find_one (table, GTK_TYPE_SCROLLED_WINDOW);
      down = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
      across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (sideways));
      content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page))));
      if (widened)
        {
          GtkColumnView *view = GTK_COLUMN_VIEW (find_one (table, GTK_TYPE_COLUMN_VIEW));
          g_autoptr(GtkColumnViewColumn) basis =
            g_list_model_get_item (gtk_column_view_get_columns (view), JX_INDICATOR_COLUMN_BASIS);

          gtk_column_view_column_set_fixed_width (basis, 600);
          jx_test_settle ();
        }

      /* The table's top at the top of the form, a few notches before
       * the end, the pointer on the table. */
      g_assert_true (gtk_widget_compute_bounds (table, content, &bounds));
      gtk_adjustment_set_value (down, MIN (bounds.origin.y, gtk_adjustment_get_upper (down) -
                                                            gtk_adjustment_get_page_size (down) - 200));
      jx_test_settle ();
      point_at (window, sideways, page);
      if (widened)
        {
          double before = gtk_adjustment_get_value (down);

          g_assert_cmpfloat (gtk_adjustment_get_upper (across), >, gtk_adjustment_get_page_size (across));
          turn_wheel (5, TRUE);
          g_assert_cmpfloat (gtk_adjustment_get_value (across), >, 0);
          g_assert_cmpfloat (gtk_adjustment_get_value (down), ==, before);
        }
      while (gtk_adjustment_get_value (down) < gtk_adjustment_get_upper (down) - gtk_adjustment_get_page_size (down))
        {
          double before = gtk_adjustment_get_value (down);

          turn_wheel (5, FALSE);
          g_test_message ("wheel at %g of %g", gtk_adjustment_get_value (down),
                          gtk_adjustment_get_upper (down) - gtk_adjustment_get_page_size (down));
          g_assert_cmpfloat (gtk_adjustment_get_value (down), >, before);
        }
      assert_form_end_shows (window);
      close_window (window);
    }
  /* The widened column is remembered: the other tests see the widths fitted. */
  g_settings_reset (jx_settings_get (), "indicator-column-widths");
}
#endif

static void
export_nothing (GtkWindow *parent, JxDocumentSession *session)
{
}

static GtkWidget *
export_notice (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "export-notice") == 0)
        return window;
    }
  return NULL;
}

/* A new document: gray hints instead of errors, the badge counts nothing
 * wrong, and the list says what is still to fill in. */
static void
test_new_document (void)
{
  g_autoptr(GDateTime) autumn = g_date_time_new_utc (2024, 10, 8, 9, 0, 0);
  g_autoptr(JxDocument) document = jx_template_new_document (autumn);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));
  JxReview *review;
  JxProblemsButton *problems;
  GtkWidget *menu_button, *label;
  const char *tooltip;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  jx_window_set_document (window, document, NULL);
  jx_test_settle ();
  review = jx_document_session_get_review (jx_window_get_session (window));
  jx_review_recheck (review);
  jx_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_review_get_findings (review)), >, 10);
  problems = JX_PROBLEMS_BUTTON (find_one (GTK_WIDGET (window), JX_TYPE_PROBLEMS_BUTTON));
  menu_button = find_one (GTK_WIDGET (problems), GTK_TYPE_MENU_BUTTON);
  label = find_one (GTK_WIDGET (problems), GTK_TYPE_LABEL);
  g_assert_false (gtk_widget_get_visible (label) && gtk_label_get_text (GTK_LABEL (label))[0] != '\0');
  tooltip = gtk_widget_get_tooltip_text (menu_button);
  g_assert_nonnull (tooltip);
  if (g_getenv ("JX_SCREENSHOT_LOCALE") == NULL)
    g_assert_cmpstr (tooltip, ==, "Nothing wrong so far; 14 places still to fill in");

  /* Every empty field of the cover says what goes in it. */
  jx_sidebar_select_page (JX_SIDEBAR (jx_window_get_sidebar (window)), JX_SIDEBAR_PAGE_DEPARTMENT);
  jx_test_settle ();
  {
    g_autoptr(GPtrArray) entries = find_all (shown_form (window), GTK_TYPE_ENTRY);
    guint empty = 0;

    for (guint i = 0; i < entries->len; i++)
      {
        GtkEntry *entry = entries->pdata[i];
        const char *hint = gtk_entry_get_placeholder_text (entry);

        if (!gtk_widget_get_mapped (GTK_WIDGET (entry)) || gtk_entry_get_text_length (entry) > 0 ||
            GTK_IS_SPIN_BUTTON (entry))
          continue;
        empty++;
        if (hint == NULL || hint[0] == '\0')
          g_error ("empty field %u of the cover without a hint", empty);
      }
    g_assert_cmpuint (empty, >=, 5);
  }

  /* The project's goals list says how to begin. */
  show_project (window, 0);
  {
    GtkWidget *goals = list_editor (window, 1);
    g_autoptr(GPtrArray) labels = find_all (goals, GTK_TYPE_LABEL);
    gboolean hint_shown = FALSE;

    for (guint i = 0; i < labels->len; i++)
      hint_shown = hint_shown || (gtk_widget_get_mapped (labels->pdata[i]) &&
                                  gtk_widget_has_css_class (labels->pdata[i], "dim-label") &&
                                  strlen (gtk_label_get_text (labels->pdata[i])) > 20);
    g_assert_true (hint_shown);
  }
  jx_test_screenshot (window, "new-document-1024x700");
  jx_sidebar_select_page (JX_SIDEBAR (jx_window_get_sidebar (window)), JX_SIDEBAR_PAGE_OVERVIEWS);
  jx_test_settle ();
  jx_test_screenshot (window, "new-document-part-one-1024x700");
  jx_sidebar_select_page (JX_SIDEBAR (jx_window_get_sidebar (window)), JX_SIDEBAR_PAGE_OVERALL);
  jx_test_settle ();
  jx_test_screenshot (window, "new-document-overall-1024x700");
  jx_sidebar_select_page (JX_SIDEBAR (jx_window_get_sidebar (window)), JX_SIDEBAR_PAGE_MEASURES);
  jx_test_settle ();
  jx_test_screenshot (window, "new-document-measures-1024x700");

  /* The preview says what is still to fill in, as the badge does, not
   * that the new document is full of errors. */
  {
    JxPreview *preview = jx_preview_present (GTK_WINDOW (window), jx_window_get_session (window));
    JxPrintNotice *notice = jx_preview_get_notice (preview);
    g_autofree char *expected = g_strdup_printf ("%u places are still to fill in: a finance bureau "
                                                 "would return the document as it is.",
                                                 jx_review_count_to_fill_in (review));

    g_assert_true (jx_test_wait_mapped (GTK_WIDGET (preview)));
    jx_test_settle ();
    g_assert_true (gtk_widget_get_mapped (jx_widget_find_named (GTK_WIDGET (notice), "errors-notice")));
    if (g_getenv ("JX_SCREENSHOT_LOCALE") == NULL)
      g_assert_cmpstr (jx_print_notice_get_errors (notice), ==, expected);
    jx_test_screenshot (preview, "new-document-preview");
    gtk_window_destroy (GTK_WINDOW (preview));
    jx_test_settle ();

    /* So does the question before an export. */
    jx_export_notice_run (GTK_WINDOW (window), jx_window_get_session (window), NULL, FALSE, "_Export…",
                          export_nothing);
    g_assert_nonnull (export_notice ());
    if (g_getenv ("JX_SCREENSHOT_LOCALE") == NULL)
      {
        g_autofree char *title = NULL;
        g_autofree char *body = NULL;

        g_object_get (export_notice (), "text", &title, "secondary-text", &body, NULL);
        g_assert_cmpstr (title, ==, "The document is not filled in yet");
        g_assert_cmpstr (body, ==, expected);
      }
    gtk_window_destroy (GTK_WINDOW (export_notice ()));
    jx_test_settle ();
  }

  /* A name typed: the project is begun, its empty fields are problems. */
  jx_project_set_name (jx_test_project_at (jx_window_get_document (window), 0), "新项目");
  jx_review_recheck (review);
  jx_test_settle ();
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
  close_window (window);
}

static gboolean
save_done (gpointer window)
{
  return !jx_window_is_saving (window);
}

static gboolean
panel_rows_shown (gpointer panel)
{
  g_autoptr(GPtrArray) labels = find_all (panel, GTK_TYPE_LABEL);
  guint places = 0;

  for (guint i = 0; i < labels->len; i++)
    places += gtk_widget_has_css_class (labels->pdata[i], "caption") &&
              gtk_label_get_text (labels->pdata[i])[0] != '\0';
  return places > 0;
}

/* Ctrl+S on a half-written document: empty names and codes and a code
 * used twice save and load again; the problems list names each place as
 * the forms do, never in the file's notation, and choosing one goes to
 * its field. */
static void
test_half_written_saves (void)
{
  JxWindow *window = open_example ();
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "half.jixiao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *again;
  JxReview *review;
  JxProblemsButton *problems;
  GtkWidget *panel, *list;
  g_autoptr(GPtrArray) labels = NULL;
  GListModel *findings;
  JxDocument *document;
  const char *name;
  guint duplicate = G_MAXUINT;
  gboolean named = FALSE;

  document = jx_window_get_document (window);
  jx_project_set_name (jx_test_project_at (document, 0), "");
  jx_project_set_code (jx_test_project_at (document, 1), jx_project_get_code (jx_test_project_at (document, 0)));
  jx_project_set_code (jx_test_project_at (document, 2), "");
  jx_window_save_to_file (window, file);
  g_assert_true (wait_for (save_done, window));
  g_assert_false (jx_window_get_modified (window));
  close_window (window);

  again = open_example ();
  g_assert_true (jx_window_open_file (again, file));
  jx_test_settle ();
  document = jx_window_get_document (again);
  g_assert_cmpstr (jx_project_get_name (jx_test_project_at (document, 0)), ==, "");
  g_assert_cmpstr (jx_project_get_code (jx_test_project_at (document, 2)), ==, "");
  review = jx_document_session_get_review (jx_window_get_session (again));
  jx_review_recheck (review);
  findings = jx_review_get_findings (review);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(JxFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (jx_finding_get_rule_id (finding), "project-code-duplicate"))
        duplicate = i;
    }
  g_assert_cmpuint (duplicate, !=, G_MAXUINT);

  problems = JX_PROBLEMS_BUTTON (find_one (GTK_WIDGET (again), JX_TYPE_PROBLEMS_BUTTON));
  jx_problems_button_popup (problems);
  panel = GTK_WIDGET (jx_problems_button_get_panel (problems));
  g_assert_true (wait_for (panel_rows_shown, panel));
  labels = find_all (panel, GTK_TYPE_LABEL);
  name = jx_project_get_name (jx_test_project_at (document, 1));
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);

      g_assert_null (strstr (text, "projects["));
      named = named || (gtk_widget_has_css_class (labels->pdata[i], "caption") && strstr (text, name) != NULL);
    }
  g_assert_true (named);

  list = find_one (panel, GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (list, "activate", duplicate);
  wait_focus_in (again, "project-code");
  g_assert_true (jx_project_form_get_project (JX_PROJECT_FORM (jx_window_get_project_form (again))) ==
                 jx_test_project_at (document, 1));
  close_window (again);
  jx_test_remove_tree (dir);
}

/* Tab from the last amount goes on to 资金用途, past the total the form
 * works out (selectable, but nothing to type: a selectable label that is
 * merely unfocusable would keep Tab in the field before it). */
static void
test_tab_skips_totals (void)
{
  JxWindow *window = open_example ();
  GtkWidget *form, *other, *usage, *focus;

  show_project (window, 1);
  form = jx_window_get_project_form (window);
  other = jx_widget_find_named (form, "project-other");
  usage = jx_widget_find_named (form, "project-usage");
  g_assert_true (jx_widget_focus_named (form, "project-other"));
  jx_test_settle ();
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (focus == jx_widget_find_named (form, "project-total"));
  g_assert_true (focus == usage || gtk_widget_is_ancestor (focus, usage));
  g_assert_false (gtk_widget_is_ancestor (focus, other));
  close_window (window);
}

/* Nothing cut off at 1024 × 700 on the new pages: every label that
 * neither wraps nor ellipsizes gets at least the width it asks for. */
static void
assert_labels_fit (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];
      int minimum, natural;

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)) || gtk_label_get_wrap (label) ||
          gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
        continue;
      gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      if (gtk_widget_get_width (GTK_WIDGET (label)) < natural)
        g_error ("“%s” is cut: %d px of %d", gtk_label_get_text (label),
                 gtk_widget_get_width (GTK_WIDGET (label)), natural);
    }
}

/* At the end of what the form holds, once its rows are all measured. */
static gboolean
scrolled_to_end (gpointer adjustment)
{
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) >= end)
    return TRUE;
  gtk_adjustment_set_value (adjustment, end);
  jx_test_settle ();
  return FALSE;
}

static gboolean
link_button_mapped (gpointer link)
{
  return gtk_widget_get_mapped (link);
}

/* Scrolled to its end, the project form shows the whole of its last
 * part, the link to Part 1. */
static void
assert_form_end_shows (JxWindow *window)
{
  GtkWidget *form = jx_window_get_project_form (window);
  GtkWidget *scroller = find_one (form, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *link = jx_widget_find_named (form, "overview-link");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  g_assert_true (wait_for (scrolled_to_end, adjustment));
  g_assert_true (wait_for (link_button_mapped, link));
  jx_test_settle ();
  g_assert_true (gtk_widget_compute_bounds (link, scroller, &bounds));
  g_test_message ("link %g..%g in %d (upper %g page %g value %g)", bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller),
                  gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment),
                  gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
}

static void
test_nothing_clipped (void)
{
  static const int sizes[][2] = { { 1024, 700 }, { 1280, 800 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      JxWindow *window = open_example_sized (sizes[s][0], sizes[s][1]);
      JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
      g_autofree char *project_name = g_strdup_printf ("project-plan-%dx%d", sizes[s][0], sizes[s][1]);
      g_autofree char *part_one_name = g_strdup_printf ("part-one-page-%dx%d", sizes[s][0], sizes[s][1]);

      show_project (window, 1);
      {
        GtkWidget *month = find_one (list_editor (window, 0), JX_TYPE_MONTH_BUTTON);

        g_assert_true (gtk_widget_grab_focus (month));
        jx_widget_scroll_into_view (month);
        jx_test_settle ();
      }
      assert_labels_fit (list_editor (window, 0));
      assert_labels_fit (jx_widget_find_named (jx_window_get_project_form (window), "overview-link"));
      jx_test_screenshot (window, project_name);
      assert_form_end_shows (window);
      jx_sidebar_select_page (sidebar, JX_SIDEBAR_PAGE_OVERVIEWS);
      jx_test_settle ();
      assert_labels_fit (shown_form (window));
      assert_labels_fit (GTK_WIDGET (sidebar));
      jx_test_screenshot (window, part_one_name);
      close_window (window);
    }
}

/* The way there a clerk takes: from the cover, Ctrl+Page Down to a
 * project, the window made smaller, the form scrolled to its end. */
static void
test_form_end_after_resize (void)
{
  JxWindow *window = open_example_sized (1280, 800);

  for (int i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-next", NULL));
  jx_test_settle ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  jx_test_settle ();
  assert_form_end_shows (window);
  close_window (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  /* Pictures in Chinese: JX_SCREENSHOT_LOCALE=zh_CN.UTF-8 with
   * JIXIAO_LOCALEDIR pointing at compiled translations. */
  if (g_getenv ("JX_SCREENSHOT_LOCALE") != NULL)
    {
      setlocale (LC_ALL, g_getenv ("JX_SCREENSHOT_LOCALE"));
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  app = jx_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/forms/plan-presets", test_plan_presets);
  g_test_add_func ("/forms/month-grid", test_month_grid);
  g_test_add_func ("/forms/paste-lines", test_paste_lines);
  g_test_add_func ("/forms/part-one-page", test_part_one_page);
  g_test_add_func ("/forms/new-document", test_new_document);
  g_test_add_func ("/forms/nothing-clipped", test_nothing_clipped);
  g_test_add_func ("/forms/form-end-after-resize", test_form_end_after_resize);
  g_test_add_func ("/forms/tab-skips-totals", test_tab_skips_totals);
  g_test_add_func ("/forms/half-written-saves", test_half_written_saves);
#ifdef GDK_WINDOWING_X11
  g_test_add_func ("/forms/moving-keys", test_moving_keys);
  g_test_add_func ("/forms/wheel-over-table", test_wheel_over_table);
#endif
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
