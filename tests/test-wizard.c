/* test-wizard.c: the application wizard walked through its real widgets,
 * its drafts kept through a SIGKILL, and screenshots of its steps
 *
 *   test-wizard                     the tests (under Xvfb)
 *   test-wizard --screenshots DIR   PNGs of every step, in the locale's language
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "sb-application-form.h"
#include "sb-application-pdf.h"
#include "sb-application-wizard.h"
#include "sb-document-store.h"
#include "sb-draft.h"
#include "sb-drafts-dialog.h"
#include "sb-plan-form.h"
#include "sb-plan-wizard.h"
#include "sb-programme.h"
#include "sb-application-store.h"
#include "sb-date.h"
#include "test-application-data.h"

typedef struct
{
  char                *dir;
  char                *path;
  SbProgramme         *programme;
  SbApplicationWizard *wizard;
  GDate                today;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
open_wizard (Fixture *fixture,
             gint64   draft_id)
{
  g_autoptr(GError) error = NULL;

  fixture->wizard = sb_application_wizard_new (fixture->programme, draft_id, &fixture->today, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (fixture->wizard), 1024, 700);
  gtk_window_present (GTK_WINDOW (fixture->wizard));
  iterate ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-wizard-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 27, 11, 2026);
}

static void
close_wizard (Fixture *fixture)
{
  if (fixture->wizard != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->wizard));
      g_clear_object (&fixture->wizard);
      iterate ();
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_wizard (fixture);
  g_clear_object (&fixture->programme);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GtkWidget *
input (Fixture    *fixture,
       const char *key)
{
  GtkWidget *widget = sb_wizard_form_get_input (sb_application_wizard_get_form (fixture->wizard), key);

  if (widget == NULL)
    g_error ("No field for %s", key);

  return widget;
}

/* Types @text into the field of @key, as a user would: focus, then one
 * character at a time. */
static void
type (Fixture    *fixture,
      const char *key,
      const char *text)
{
  GtkWidget *widget = input (fixture, key);

  gtk_widget_grab_focus (widget);
  if (GTK_IS_EDITABLE (widget))
    {
      gtk_editable_set_text (GTK_EDITABLE (widget), "");
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          int position = -1;

          gtk_editable_insert_text (GTK_EDITABLE (widget), p, g_utf8_next_char (p) - p, &position);
          gtk_editable_set_position (GTK_EDITABLE (widget), -1);
        }
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    g_error ("Cannot type into %s", G_OBJECT_TYPE_NAME (widget));
  iterate ();
}

static void
choose (Fixture    *fixture,
        const char *key,
        guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input (fixture, key)), position);
  iterate ();
}

/* Enter in the focused entry: moves on when the step is right. */
static void
press_enter (Fixture    *fixture,
             const char *key)
{
  g_signal_emit_by_name (input (fixture, key), "activate");
  iterate ();
}

static guint
current (Fixture *fixture)
{
  return sb_wizard_get_current (sb_application_wizard_get_wizard (fixture->wizard));
}

static const char *
error_shown (Fixture    *fixture,
             const char *key)
{
  GtkWidget *widget = input (fixture, key);
  GtkWidget *box;
  GtkWidget *label;

  /* The field's box: title, input (or its frame), error. */
  while (widget != NULL && g_strcmp0 (gtk_widget_get_name (widget), key) != 0)
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  box = widget;
  label = gtk_widget_get_last_child (box);
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
fill_lead (Fixture *fixture)
{
  type (fixture, "lead.name", "太原重型机械集团有限公司");
  type (fixture, "lead.address", "山西省太原市万柏林区玉河街 53 号");
  type (fixture, "lead.contact", "李明");
  type (fixture, "lead.phone", "0351-6361234");
  choose (fixture, "lead.kind", 1);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A shown button, by its label or, for an icon button, its tooltip. */
static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
          || g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the window's focus is in @widget: an entry's is in its text. */
static gboolean
has_focus (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
find_last_button (GtkWidget   *widget,
                  const char  *label,
                  GtkWidget  **last)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (find_button_with_label (child, label) == child)
        *last = child;
      find_last_button (child, label, last);
    }
}

/* Clicks the last shown button of @label, the one of the last item. */
static void
click_last (Fixture    *fixture,
            const char *label)
{
  GtkWidget *button = NULL;

  find_last_button (GTK_WIDGET (fixture->wizard), label, &button);
  if (button == NULL)
    g_error ("No button “%s” is shown", label);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

/* Clicks the shown button of @label. */
static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = find_button_with_label (GTK_WIDGET (fixture->wizard), label);

  if (button == NULL)
    g_error ("No button “%s” is shown", label);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static void
walk_to_summary (Fixture *fixture,
                 gboolean check)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text_file = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "licence.pdf", NULL);
  SbWizard *wizard = sb_application_wizard_get_wizard (fixture->wizard);

  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_LEAD);
  fill_lead (fixture);

  /* Enter with a required field empty points at it and stays. */
  press_enter (fixture, "lead.phone");
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_LEAD);
  if (check)
    g_assert_nonnull (error_shown (fixture, "lead.code"));

  /* A mistyped code is shown as wrong while typing, and blocks Next. */
  type (fixture, "lead.code", "911401001234567886");
  if (check)
    {
      g_assert_nonnull (strstr (error_shown (fixture, "lead.code"), "check character"));
      g_assert_cmpint (sb_wizard_get_step_state (wizard, 0), ==, SB_STEP_STATE_ERRORS);
    }
  press_enter (fixture, "lead.code");
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_LEAD);
  g_assert_false (sb_wizard_next (wizard));

  /* A code from Beijing: valid, but not Shanxi. */
  type (fixture, "lead.code", "91110108100010437U");
  if (check)
    g_assert_nonnull (error_shown (fixture, "lead.code"));

  type (fixture, "lead.code", TEST_LEAD_CODE);
  if (check)
    {
      g_assert_null (error_shown (fixture, "lead.code"));
      g_assert_cmpint (sb_wizard_get_step_state (wizard, 0), ==, SB_STEP_STATE_COMPLETE);
    }
  press_enter (fixture, "lead.code");
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_CO_APPLICANTS);

  /* A co-applicant, with the Add button: its first field has the focus. */
  click (fixture, _("_Add Co-applicant"));
  g_assert_true (has_focus (input (fixture, "co.0.name")));
  type (fixture, "co.0.name", "中国标准化研究院");
  choose (fixture, "co.0.kind", 2);
  {
    g_autofree char *code = test_code ("110000", "40000110");

    /* From Beijing: co-applicants may be (Art. 12). */
    type (fixture, "co.0.code", code);
  }
  type (fixture, "co.0.address", "北京市海淀区知春路 4 号");
  type (fixture, "co.0.contact", "张华");
  type (fixture, "co.0.phone", "010-58811234");

  /* A second one, removed with its own button: the first one stays. */
  click (fixture, _("_Add Co-applicant"));
  type (fixture, "co.1.name", "山西省标准化研究院");
  click_last (fixture, _("Remove this co-applicant"));
  g_assert_cmpstr (sb_form_get (sb_wizard_form_get_values (sb_application_wizard_get_form (fixture->wizard)),
                                "co.count"), ==, "1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "co.0.name"))), ==, "中国标准化研究院");
  press_enter (fixture, "co.0.phone");
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_NAMES);

  choose (fixture, "domain", 1);
  type (fixture, "short_zh", "智能重型装备");
  type (fixture, "short_en", "Intelligent Heavy Equipment");
  press_enter (fixture, "short_en");
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_CONDITIONS);

  for (int c = 1; c <= 5; c++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.statement", c);

      type (fixture, key, "本单位满足该项条件，详见证明材料。");
    }
  test_write_pdf (pdf, 2);
  g_assert_cmpint (sb_application_wizard_add_document (fixture->wizard, "cond.1.docs", pdf, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (sb_wizard_next (wizard));
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_STANDARDS);

  /* Nothing listed yet: Next refuses. */
  g_assert_false (sb_wizard_next (wizard));
  sb_application_wizard_add_item (fixture->wizard, "std");
  type (fixture, "std.0.designation", "DB14/T 2345-2021");
  choose (fixture, "std.0.role", 1);
  type (fixture, "std.0.title", "重型机械 智能制造 通用技术要求");
  sb_application_wizard_add_item (fixture->wizard, "std");
  type (fixture, "std.1.designation", "GB/T 1.1-202");
  choose (fixture, "std.1.role", 2);
  if (check)
    g_assert_nonnull (error_shown (fixture, "std.1.designation"));
  g_assert_false (sb_wizard_next (wizard));
  type (fixture, "std.1.designation", "GB/T 1.1-2020");
  press_enter (fixture, "std.1.title");
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_CAPABILITY);

  type (fixture, "research", "拥有国家级企业技术中心。");
  type (fixture, "service", "为省内中小企业提供标准化服务。");
  g_assert_true (sb_wizard_next (wizard));

  choose (fixture, "recommender", 1);
  g_assert_true (sb_wizard_next (wizard));
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_ATTACHMENTS);

  /* A file that is not a PDF is refused, with the reason. */
  g_assert_true (g_file_set_contents (text_file, "not a PDF", -1, NULL));
  g_assert_cmpint (sb_application_wizard_add_document (fixture->wizard, "attachments", text_file, &error), ==, 0);
  g_assert_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_clear_error (&error);
  g_assert_cmpstr (sb_form_get (sb_wizard_form_get_values (sb_application_wizard_get_form (fixture->wizard)),
                                "attachments"), ==, "");
  g_assert_cmpint (sb_application_wizard_add_document (fixture->wizard, "attachments", pdf, &error), >, 0);
  g_assert_no_error (error);

  /* As the file chooser does: in a worker, refusing what is not a PDF. */
  if (check)
    {
      g_autofree char *second = g_build_filename (fixture->dir, "report.pdf", NULL);
      const char *paths[] = { text_file, second, NULL };
      GHashTable *values = sb_wizard_form_get_values (sb_application_wizard_get_form (fixture->wizard));
      g_autoptr(GList) toplevels = NULL;
      gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      gboolean refused = FALSE;

      test_write_pdf (second, 3);
      sb_application_wizard_import_files (fixture->wizard, "attachments", paths);
      while (strchr (sb_form_get (values, "attachments"), ',') == NULL && g_get_monotonic_time () < end)
        wait_ms (20);
      g_assert_nonnull (strchr (sb_form_get (values, "attachments"), ','));

      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data))
          {
            g_assert_nonnull (strstr (adw_message_dialog_get_body (l->data), "notes.txt"));
            adw_message_dialog_response (l->data, "close");
            refused = TRUE;
          }
      g_assert_true (refused);
      iterate ();
    }

  g_assert_true (sb_wizard_next (wizard));
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_SUMMARY);
}

static void
base_submitted (SbApplicationWizard *wizard,
                gint64               base_id,
                gint64              *out)
{
  *out = base_id;
}

static void
test_walk_and_submit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(SbBase) base = NULL;
  SbWizard *wizard;
  GtkWidget *submit, *edit;
  SbTransitionRecord *record;
  gint64 draft_id, base_id = 0;

  open_wizard (fixture, 0);
  wizard = sb_application_wizard_get_wizard (fixture->wizard);
  draft_id = sb_application_wizard_get_draft_id (fixture->wizard);
  walk_to_summary (fixture, TRUE);

  for (guint step = 0; step < SB_N_APPLICATION_STEPS; step++)
    g_assert_cmpint (sb_wizard_get_step_state (wizard, step), ==, SB_STEP_STATE_COMPLETE);

  /* Edit a section from the summary: the first "Edit" is the lead unit's. */
  edit = find_button_with_label (GTK_WIDGET (fixture->wizard), _("Edit"));
  g_assert_nonnull (edit);
  g_assert_cmpint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (edit), "sb-step")), ==, SB_APPLICATION_STEP_LEAD);
  g_signal_emit_by_name (edit, "clicked");
  iterate ();
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_LEAD);
  type (fixture, "lead.contact", "王伟");
  /* Visited steps are one click away. */
  g_assert_true (sb_wizard_go_to (wizard, SB_APPLICATION_STEP_SUMMARY));

  submit = find_named (GTK_WIDGET (fixture->wizard), "submit");
  g_assert_nonnull (submit);
  g_assert_true (gtk_widget_get_sensitive (submit));

  g_signal_connect (fixture->wizard, "submitted", G_CALLBACK (base_submitted), &base_id);
  g_signal_emit_by_name (submit, "clicked");
  iterate ();
  g_assert_cmpint (base_id, >, 0);
  g_clear_object (&fixture->wizard);

  base = sb_base_store_load (sb_programme_get_store (fixture->programme), base_id, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_base_get_state (base), ==, SB_BASE_STATE_SUBMITTED);
  transitions = sb_base_store_list_transitions (sb_programme_get_store (fixture->programme), base_id, &error);
  record = g_ptr_array_index (transitions, 0);
  g_assert_cmpstr (record->action, ==, "submit");
  g_assert_cmpstr (record->date, ==, "2026-11-27");
  g_assert_cmpstr (record->role, ==, "applicant");
  g_assert_null (sb_draft_load (sb_programme_get_database (fixture->programme), draft_id, NULL, NULL));
}

static void
test_draft_continued (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) values = NULL;
  SbDraftInfo info = { 0 };
  gint64 draft_id;

  open_wizard (fixture, 0);
  draft_id = sb_application_wizard_get_draft_id (fixture->wizard);
  fill_lead (fixture);
  type (fixture, "lead.code", TEST_LEAD_CODE);
  press_enter (fixture, "lead.code");
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_CO_APPLICANTS);

  /* Escape asks before closing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "application.ask-close", NULL));
  iterate ();
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    AdwMessageDialog *question = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data)
          && gtk_window_get_transient_for (l->data) == GTK_WINDOW (fixture->wizard))
        question = l->data;
    g_assert_nonnull (question);
    g_assert_true (adw_message_dialog_has_response (question, "cancel"));
    adw_message_dialog_response (question, "cancel");
    iterate ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->wizard)));
  }

  /* Closing saves what was typed last, at once. */
  close_wizard (fixture);
  values = sb_draft_load (sb_programme_get_database (fixture->programme), draft_id, &info, NULL);
  {
    GHashTableIter iter;
    gpointer k, v;

    g_hash_table_iter_init (&iter, values);
    while (g_hash_table_iter_next (&iter, &k, &v))
      g_test_message ("%s = %s", (char *) k, (char *) v);
  }
  g_assert_cmpstr (g_hash_table_lookup (values, "lead.phone"), ==, "0351-6361234");
  g_assert_cmpstr (info.title, ==, "太原重型机械集团有限公司");
  g_assert_cmpint (info.step, ==, SB_APPLICATION_STEP_CO_APPLICANTS);
  sb_draft_info_clear (&info);

  /* Reopened, it continues where it was left, with the values. */
  open_wizard (fixture, draft_id);
  g_assert_cmpuint (current (fixture), ==, SB_APPLICATION_STEP_CO_APPLICANTS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "lead.name"))), ==,
                   "太原重型机械集团有限公司");
  g_assert_true (sb_wizard_is_visited (sb_application_wizard_get_wizard (fixture->wizard), 0));
  g_assert_false (sb_wizard_is_visited (sb_application_wizard_get_wizard (fixture->wizard), 3));
}

/* The child of the SIGKILL test: the real wizard, typed into one
 * character every 20 ms; each text is reported once typed. */
static gboolean
type_one (gpointer user_data)
{
  GtkEditable *entry = user_data;
  static guint n;
  int position = -1;
  char text[8];
  int length = g_unichar_to_utf8 (0x4e00 + (n++ % 300), text);

  gtk_editable_insert_text (entry, text, length, &position);
  printf ("%s\n", gtk_editable_get_text (entry));
  fflush (stdout);

  return G_SOURCE_CONTINUE;
}

static int
run_typing_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  SbApplicationWizard *wizard;
  GDate today;
  GtkWidget *entry;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  wizard = sb_application_wizard_new (programme, 0, &today, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (wizard));
  printf ("%" G_GINT64_FORMAT "\n", sb_application_wizard_get_draft_id (wizard));
  fflush (stdout);

  entry = sb_wizard_form_get_input (sb_application_wizard_get_form (wizard), "lead.name");
  gtk_widget_grab_focus (entry);
  g_timeout_add (20, type_one, entry);
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static void
test_sigkill (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *kept = NULL;
  const char *argv[] = { self, "--typing-child", fixture->path, NULL };
  const char *saved;
  char line[8192];
  gint64 start, killed_at, draft_id;
  GPid pid;
  int out, status;
  FILE *stream;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_clear_object (&fixture->programme);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  stream = fdopen (out, "r");
  g_assert_nonnull (fgets (line, sizeof line, stream));
  draft_id = g_ascii_strtoll (line, NULL, 10);
  g_assert_cmpint (draft_id, >, 0);

  /* Let it type for two seconds, noting when each text was typed. */
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC && fgets (line, sizeof line, stream) != NULL)
    {
      gint64 now = g_get_monotonic_time ();

      g_ptr_array_add (lines, g_strchomp (g_strdup (line)));
      g_array_append_val (times, now);
    }
  kill (pid, SIGKILL);
  killed_at = g_get_monotonic_time ();
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);
  fclose (stream);
  g_assert_cmpuint (lines->len, >, 20);

  /* What was typed more than a second before the kill must be saved. */
  for (guint i = 0; i < lines->len; i++)
    if (killed_at - g_array_index (times, gint64, i) > G_USEC_PER_SEC)
      {
        g_free (kept);
        kept = g_strdup (g_ptr_array_index (lines, i));
      }
  g_assert_nonnull (kept);

  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  values = sb_draft_load (sb_programme_get_database (fixture->programme), draft_id, NULL, &error);
  g_assert_no_error (error);
  saved = g_hash_table_lookup (values, "lead.name");
  g_assert_nonnull (saved);
  g_test_message ("typed %ld characters, %ld saved, %ld typed a second before the kill",
                  g_utf8_strlen (g_ptr_array_index (lines, lines->len - 1), -1),
                  g_utf8_strlen (saved, -1), g_utf8_strlen (kept, -1));
  g_assert_true (g_str_has_prefix (saved, kept));

  g_ptr_array_unref (lines);
  g_array_unref (times);
}


static void
take (SbBaseStore *store,
      gint64       base_id,
      SbAction     action,
      SbRole       role,
      const char  *date)
{
  g_autoptr(GError) error = NULL;
  SbTransitionRequest request;
  GDate day;

  g_date_clear (&day, 1);
  g_assert_true (sb_date_parse (date, &day, NULL));
  sb_transition_request_init (&request, action, role, &day);
  sb_base_store_perform (store, base_id, &request, &day, &error);
  g_assert_no_error (error);
}

static void
plan_type (SbPlanWizard *wizard,
           const char   *key,
           const char   *text)
{
  GtkWidget *widget = sb_wizard_form_get_input (sb_plan_wizard_get_form (wizard), key);

  g_assert_nonnull (widget);
  gtk_widget_grab_focus (widget);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  iterate ();
}


static void
draft_opened (SbDraftsDialog *dialog,
              gint64          draft_id,
              gint64         *out)
{
  *out = draft_id;
}

static void
test_drafts_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  SbDatabase *database = sb_programme_get_database (fixture->programme);
  gint64 first = sb_draft_create (database, SB_DRAFT_KIND_APPLICATION, 0, NULL);
  gint64 second = sb_draft_create (database, SB_DRAFT_KIND_APPLICATION, 0, NULL);
  gint64 opened = -1;
  SbDraftsDialog *dialog;
  GtkWidget *button;

  sb_draft_set_title (database, first, "智能重型装备", 2, NULL);
  dialog = sb_drafts_dialog_new (NULL, database);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  g_assert_cmpuint (sb_drafts_dialog_get_n_drafts (dialog), ==, 2);

  /* Deleting (once confirmed) takes the draft away for good. */
  sb_drafts_dialog_delete_draft (dialog, second);
  g_assert_cmpuint (sb_drafts_dialog_get_n_drafts (dialog), ==, 1);
  g_assert_null (sb_draft_load (database, second, NULL, NULL));

  g_signal_connect (dialog, "open", G_CALLBACK (draft_opened), &opened);
  button = find_button_with_label (GTK_WIDGET (dialog), _("_Continue"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpint (opened, ==, first);
  g_object_unref (dialog);
}

/* A base approved on 15 September 2025, preparing. */
static gint64
add_preparing_base (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SbBaseStore *store = sb_programme_get_store (fixture->programme);
  GDate day;
  gint64 base_id;

  test_fill_application (values, sb_base_store_find_recommender (store, "1401", 0), 1);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, 6, 2025);
  base_id = sb_application_submit (store, values, 0, NULL, &day, &error);
  g_assert_no_error (error);
  take (store, base_id, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2025-06-20");
  take (store, base_id, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, "2025-07-10");
  take (store, base_id, SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, "2025-08-20");
  take (store, base_id, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2025-09-15");

  return base_id;
}

static void
fill_plan (SbPlanWizard *wizard)
{
  SbWizard *steps = sb_plan_wizard_get_wizard (wizard);

  plan_type (wizard, "goals", "三年内主导制定国家标准 3 项、地方标准 5 项，服务中小企业 200 家。");
  g_assert_true (sb_wizard_next (steps));
  sb_plan_wizard_add_item (wizard, "task");
  plan_type (wizard, "task.0.title", "标准研制");
  plan_type (wizard, "task.0.owner", "李明");
  plan_type (wizard, "task.0.milestone.1", "立项国家标准 2 项");
  plan_type (wizard, "task.0.milestone.2", "发布地方标准 3 项");
  plan_type (wizard, "task.0.milestone.3", "发布国家标准 3 项");
  plan_type (wizard, "task.0.out.national", "3");
  plan_type (wizard, "task.0.out.local", "5");
  plan_type (wizard, "task.0.services", "200");
  g_assert_true (sb_wizard_next (steps));
  sb_plan_wizard_add_item (wizard, "team");
  plan_type (wizard, "team.0.name", "李明");
  plan_type (wizard, "team.0.role", "基地主任");
  g_assert_true (sb_wizard_next (steps));
  sb_plan_wizard_add_item (wizard, "cob");
  plan_type (wizard, "cob.0.name", "太原理工大学");
  {
    g_autofree char *code = test_code ("140100", "40501234");

    plan_type (wizard, "cob.0.code", code);
  }
  g_assert_true (sb_wizard_next (steps));
  plan_type (wizard, "budget.1.own", "200");
  plan_type (wizard, "budget.1.government", "50");
  plan_type (wizard, "budget.2.own", "150");
  g_assert_true (sb_wizard_next (steps));
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBase) base = NULL;
  SbBaseStore *store = sb_programme_get_store (fixture->programme);
  SbPlanWizard *wizard;
  SbWizard *steps;
  GDate day;
  gint64 base_id = add_preparing_base (fixture);

  /* Overdue: shown in red, counted in working days. */
  g_date_set_dmy (&day, 3, 11, 2025);
  wizard = sb_plan_wizard_new (fixture->programme, base_id, &day, &error);
  g_assert_no_error (error);
  g_assert_true (sb_plan_wizard_is_overdue (wizard));
  g_assert_nonnull (strstr (sb_plan_wizard_get_deadline_text (wizard), "2025-10-31"));
  g_assert_nonnull (strstr (sb_plan_wizard_get_deadline_text (wizard), "1 working day overdue"));
  gtk_window_destroy (GTK_WINDOW (wizard));
  g_object_unref (wizard);
  iterate ();

  /* In time: 9 working days left on 20 October 2025. */
  g_date_set_dmy (&day, 20, 10, 2025);
  wizard = sb_plan_wizard_new (fixture->programme, base_id, &day, &error);
  g_assert_no_error (error);
  g_assert_false (sb_plan_wizard_is_overdue (wizard));
  g_assert_nonnull (strstr (sb_plan_wizard_get_deadline_text (wizard), "9 working days left"));
  gtk_window_present (GTK_WINDOW (wizard));
  iterate ();
  steps = sb_plan_wizard_get_wizard (wizard);

  g_assert_false (sb_wizard_next (steps));
  plan_type (wizard, "goals", "三年内主导制定国家标准 3 项。");
  g_assert_true (sb_wizard_next (steps));

  g_assert_false (sb_wizard_next (steps));
  sb_plan_wizard_add_item (wizard, "task");
  plan_type (wizard, "task.0.title", "标准研制");
  plan_type (wizard, "task.0.owner", "李明");
  plan_type (wizard, "task.0.milestone.1", "立项 2 项");
  plan_type (wizard, "task.0.milestone.2", "发布 1 项");
  plan_type (wizard, "task.0.out.national", "three");
  g_assert_false (sb_wizard_next (steps));
  g_assert_cmpint (sb_wizard_get_step_state (steps, SB_PLAN_STEP_TASKS), ==, SB_STEP_STATE_ERRORS);
  plan_type (wizard, "task.0.out.national", "3");
  plan_type (wizard, "task.0.milestone.3", "发布 3 项");
  g_assert_true (sb_wizard_next (steps));

  sb_plan_wizard_add_item (wizard, "team");
  plan_type (wizard, "team.0.name", "李明");
  plan_type (wizard, "team.0.role", "基地主任");
  g_assert_true (sb_wizard_next (steps));
  g_assert_true (sb_wizard_next (steps));
  plan_type (wizard, "budget.1.own", "200");
  plan_type (wizard, "budget.2.government", "50");
  g_assert_true (sb_wizard_next (steps));
  g_assert_cmpint (sb_wizard_get_current (steps), ==, SB_PLAN_STEP_SUMMARY);
  g_assert_cmpint (sb_wizard_get_step_state (steps, SB_PLAN_STEP_SUMMARY), ==, SB_STEP_STATE_COMPLETE);

  g_object_ref (wizard);
  g_assert_true (sb_plan_wizard_submit (wizard, &error));
  g_assert_no_error (error);
  g_object_unref (wizard);
  g_object_unref (wizard);
  iterate ();

  base = sb_base_store_load (store, base_id, &day, &error);
  g_assert_cmpint (sb_base_get_state (base), ==, SB_BASE_STATE_CONSTRUCTING);
}

/* Screenshots */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = gtk_native_get_renderer (native);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_printerr ("Nothing drawn for %s\n", path);
      return;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static int
run_screenshots (const char *dir,
                 int         width,
                 int         height)
{
  Fixture fixture = { 0 };
  const char *lang = g_getenv ("LANGUAGE") && g_str_has_prefix (g_getenv ("LANGUAGE"), "zh") ? "zh" : "en";
  SbWizard *wizard;

  fixture_set_up (&fixture, NULL);
  open_wizard (&fixture, 0);
  gtk_window_set_default_size (GTK_WINDOW (fixture.wizard), width, height);
  wait_ms (300);
  wizard = sb_application_wizard_get_wizard (fixture.wizard);

  {
    g_autofree char *path = g_strdup_printf ("%s/app-%dx%d-%s-0-empty.png", dir, width, height, lang);

    save_png (GTK_WIDGET (fixture.wizard), path);
  }
  /* The first step with errors shown, then every step filled in. */
  fill_lead (&fixture);
  type (&fixture, "lead.code", "911401001234567886");
  press_enter (&fixture, "lead.code");
  wait_ms (300);
  {
    g_autofree char *path = g_strdup_printf ("%s/app-%dx%d-%s-0-errors.png", dir, width, height, lang);

    save_png (GTK_WIDGET (fixture.wizard), path);
  }
  type (&fixture, "lead.code", "");
  walk_to_summary (&fixture, FALSE);

  /* The 申报书 PDF of what was entered, in the same language. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_strdup_printf ("%s/application-%s.pdf", dir, lang);

    g_assert_true (sb_application_pdf_write (sb_programme_get_database (fixture.programme),
                                             sb_wizard_form_get_values (sb_application_wizard_get_form (fixture.wizard)),
                                             &fixture.today, path, &error));
    g_assert_no_error (error);
  }

  for (guint step = 0; step < sb_wizard_get_n_steps (wizard); step++)
    {
      g_autofree char *path = g_strdup_printf ("%s/app-%dx%d-%s-%u.png", dir, width, height, lang, step);

      sb_wizard_go_to (wizard, step);
      wait_ms (700);
      save_png (GTK_WIDGET (fixture.wizard), path);
    }

  close_wizard (&fixture);

  /* The construction plan, 9 working days before it is due. */
  {
    g_autoptr(GError) error = NULL;
    gint64 base_id = add_preparing_base (&fixture);
    SbPlanWizard *plan;
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 20, 10, 2025);
    plan = sb_plan_wizard_new (fixture.programme, base_id, &day, &error);
    g_assert_no_error (error);
    gtk_window_set_default_size (GTK_WINDOW (plan), width, height);
    gtk_window_present (GTK_WINDOW (plan));
    wait_ms (300);
    fill_plan (plan);
    for (guint step = 0; step < sb_wizard_get_n_steps (sb_plan_wizard_get_wizard (plan)); step++)
      {
        g_autofree char *path = g_strdup_printf ("%s/plan-%dx%d-%s-%u.png", dir, width, height, lang, step);

        sb_wizard_go_to (sb_plan_wizard_get_wizard (plan), step);
        wait_ms (700);
        save_png (GTK_WIDGET (plan), path);
      }
    gtk_window_destroy (GTK_WINDOW (plan));
    g_object_unref (plan);

    /* And overdue. */
    g_date_set_dmy (&day, 3, 11, 2025);
    plan = sb_plan_wizard_new (fixture.programme, base_id, &day, &error);
    g_assert_no_error (error);
    gtk_window_set_default_size (GTK_WINDOW (plan), width, height);
    gtk_window_present (GTK_WINDOW (plan));
    wait_ms (700);
    {
      g_autofree char *path = g_strdup_printf ("%s/plan-%dx%d-%s-overdue.png", dir, width, height, lang);

      save_png (GTK_WIDGET (plan), path);
    }
    gtk_window_destroy (GTK_WINDOW (plan));
    g_object_unref (plan);
  }

  fixture_tear_down (&fixture, NULL);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the UI tests under Xvfb (build-aux/dev test does)\n");
      return 77;
    }

  if (argc >= 3 && g_strcmp0 (argv[1], "--typing-child") == 0)
    {
      gtk_init ();
      adw_init ();
      return run_typing_child (argv[2]);
    }
  if (argc >= 3 && g_strcmp0 (argv[1], "--screenshots") == 0)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STDBASE_LOCALEDIR") ? g_getenv ("STDBASE_LOCALEDIR") : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_init ();
      adw_init ();
      return run_screenshots (argv[2], argc >= 5 ? atoi (argv[3]) : 1024, argc >= 5 ? atoi (argv[4]) : 700);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/wizard/walk-and-submit", Fixture, NULL, fixture_set_up, test_walk_and_submit, fixture_tear_down);
  g_test_add ("/wizard/draft-continued", Fixture, NULL, fixture_set_up, test_draft_continued, fixture_tear_down);
  g_test_add ("/wizard/drafts-dialog", Fixture, NULL, fixture_set_up, test_drafts_dialog, fixture_tear_down);
  g_test_add ("/wizard/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  g_test_add ("/wizard/sigkill", Fixture, NULL, fixture_set_up, test_sigkill, fixture_tear_down);

  return g_test_run ();
}
