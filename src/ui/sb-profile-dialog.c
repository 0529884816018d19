/* sb-profile-dialog.c: choose or add the profile to act as
 *
 * Lists the programme's profiles, the current one ticked; activating one
 * makes it the last profile of the database and emits ::profile-chosen.  The
 * form below adds a profile: a name, a role, and for applicants and
 * recommenders the organisation they act for, checked by the core.
 */
#define G_LOG_DOMAIN "sb-profile-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-profile.h"
#include "sb-profile-dialog.h"

struct _SbProfileDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkStack      *profiles_stack;
  GtkListBox    *profiles_list;
  AdwEntryRow   *name_row;
  AdwComboRow   *role_row;
  AdwComboRow   *organisation_row;
  GtkLabel      *error_label;
  GtkButton     *add_button;

  SbDatabase    *database;
  gint64         current_profile_id;
  GPtrArray     *profiles;        /* SbProfile, in the list's order */
  GPtrArray     *organisations;   /* SbProfileOrganisation, in the combo's order */
};

G_DEFINE_FINAL_TYPE (SbProfileDialog, sb_profile_dialog, ADW_TYPE_WINDOW)

enum {
  PROFILE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (SbProfileDialog *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
fill_profiles (SbProfileDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profiles_list))) != NULL)
    gtk_list_box_remove (self->profiles_list, child);

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  self->profiles = sb_profile_list (self->database, &error);
  if (self->profiles == NULL)
    {
      show_error (self, error->message);
      self->profiles = g_ptr_array_new ();
    }

  for (guint i = 0; i < self->profiles->len; i++)
    {
      const SbProfile *profile = g_ptr_array_index (self->profiles, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tick = gtk_image_new_from_icon_name ("object-select-symbolic");
      g_autofree char *subtitle = NULL;

      if (profile->organisation_name != NULL)
        subtitle = g_strdup_printf ("%s · %s", sb_role_get_label (profile->role),
                                    profile->organisation_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), profile->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   subtitle ? subtitle : sb_role_get_label (profile->role));
      gtk_widget_set_visible (tick, profile->id == self->current_profile_id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tick), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Current profile"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tick);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->profiles_list, row);
    }

  gtk_stack_set_visible_child_name (self->profiles_stack,
                                    self->profiles->len > 0 ? "list" : "empty");
}

static SbRole
selected_role (SbProfileDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected < SB_N_ROLES ? (SbRole) selected : SB_ROLE_AUTHORITY;
}

static void
form_changed_cb (SbProfileDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gboolean needs_organisation = sb_profile_role_needs_organisation (selected_role (self));
  gboolean has_organisation = self->organisations != NULL && self->organisations->len > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            *name != '\0' && (!needs_organisation || has_organisation));
  show_error (self, NULL);
}

static void
role_changed_cb (SbProfileDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  SbRole role = selected_role (self);

  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  self->organisations = sb_profile_list_organisations (self->database, role, &error);
  if (self->organisations == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < self->organisations->len; i++)
    gtk_string_list_append (names, ((SbProfileOrganisation *) g_ptr_array_index (self->organisations, i))->name);
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_row), sb_profile_role_needs_organisation (role));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->organisation_row),
                               role == SB_ROLE_APPLICANT
                               ? _("The unit that leads or co-applies for bases (Art. 11, 12)")
                               : _("An industry department or a city or zone standardisation authority (Art. 13)"));
  form_changed_cb (self);
}

static void
choose (SbProfileDialog *self,
        const SbProfile *profile)
{
  g_autoptr(GError) error = NULL;

  if (!sb_profile_set_last (self->database, profile, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[PROFILE_CHOSEN], 0, profile->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
profile_row_activated_cb (SbProfileDialog *self,
                          GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->profiles->len)
    choose (self, g_ptr_array_index (self->profiles, index));
}

static void
add_clicked_cb (SbProfileDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProfile) profile = NULL;
  SbRole role = selected_role (self);
  gint64 organisation_id = 0;
  guint selected;
  gint64 id;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;

  selected = adw_combo_row_get_selected (self->organisation_row);
  if (sb_profile_role_needs_organisation (role) && self->organisations != NULL
      && selected < self->organisations->len)
    organisation_id = ((SbProfileOrganisation *) g_ptr_array_index (self->organisations, selected))->id;

  id = sb_profile_add (self->database, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                       role, organisation_id, &error);
  if (id == 0 || (profile = sb_profile_load (self->database, id, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }

  choose (self, profile);
}

static void
sb_profile_dialog_dispose (GObject *object)
{
  SbProfileDialog *self = (SbProfileDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PROFILE_DIALOG);
  g_clear_object (&self->database);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_profile_dialog_parent_class)->dispose (object);
}

static void
sb_profile_dialog_class_init (SbProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_profile_dialog_dispose;

  /**
   * SbProfileDialog::profile-chosen:
   * @id: the profile now in use
   */
  signals[PROFILE_CHOSEN] = g_signal_new ("profile-chosen", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-profile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbProfileDialog, profiles_stack);
  gtk_widget_class_bind_template_child (widget_class, SbProfileDialog, profiles_list);
  gtk_widget_class_bind_template_child (widget_class, SbProfileDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SbProfileDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SbProfileDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SbProfileDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SbProfileDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_profile_dialog_init (SbProfileDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SbProfileDialog *
sb_profile_dialog_new (GtkWindow  *parent,
                       SbDatabase *database,
                       gint64      current_profile_id)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  SbProfileDialog *self;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  self = g_object_new (SB_TYPE_PROFILE_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->current_profile_id = current_profile_id;

  /* The combo's positions are the SbRole values. */
  for (SbRole role = 0; role < SB_N_ROLES; role++)
    gtk_string_list_append (roles, sb_role_get_label (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row, SB_ROLE_APPLICANT);
  role_changed_cb (self);

  fill_profiles (self);

  return self;
}
