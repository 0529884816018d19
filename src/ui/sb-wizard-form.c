/* sb-wizard-form.c: fields bound to a draft's keys, saved as they change
 *
 * Each field shows one key of the draft: a label, the input, and under it
 * the field's error in words.  A change goes into the values at once and
 * into the database after SB_WIZARD_SAVE_DELAY_MS without further change,
 * in one short transaction, and at the latest SB_WIZARD_SAVE_DELAY_MS
 * after SB_WIZARD_SAVE_MAX_WAIT_MS of continuous typing: killing the
 * process loses at most the last second of typing; flushing saves at once.
 *
 * Lists of items (co-applicants, standards, tasks…) are keyed PREFIX.N.SUFFIX
 * with their length in PREFIX.count.  The form adds and removes items, gives
 * the buttons that do it, and emits ::items-changed so that the wizard can
 * build the page again.
 */
#define G_LOG_DOMAIN "sb-wizard-form"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application-form.h"
#include "sb-draft.h"
#include "sb-wizard-form.h"

typedef struct
{
  SbWizardForm *form;   /* unowned */
  char         *key;
  GtkWidget    *box;
  GtkWidget    *input;
  GtkLabel     *error;
} Field;

struct _SbWizardForm
{
  GObject      parent_instance;

  SbDatabase  *database;
  gint64       draft_id;
  GHashTable  *values;    /* key → value */
  GHashTable  *pending;   /* key → value not yet saved ("" removes) */
  GHashTable  *fields;    /* key → Field, while shown */
  guint        save_id;
  gint64       first_pending; /* when the oldest unsaved change was made */
  gboolean     updating;  /* setting a widget from the values */
};

G_DEFINE_FINAL_TYPE (SbWizardForm, sb_wizard_form, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  SIGNAL_SAVED,
  SIGNAL_SAVE_FAILED,
  SIGNAL_ITEMS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_free (field->key);
  g_free (field);
}

static void
field_box_gone (gpointer  data,
                GObject  *where_the_object_was)
{
  Field *field = data;

  /* A page rebuilt since may have put another field under this key. */
  if (g_hash_table_lookup (field->form->fields, field->key) == field)
    g_hash_table_remove (field->form->fields, field->key);
  else
    field_free (field);
}

static gboolean
save_timeout (gpointer user_data)
{
  SbWizardForm *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (!sb_wizard_form_flush (self, &error))
    g_signal_emit (self, signals[SIGNAL_SAVE_FAILED], 0, error->message);

  return G_SOURCE_REMOVE;
}

static Field *
add_field (SbWizardForm *self,
           const char   *key,
           const char   *label,
           GtkWidget    *input,
           gboolean      labelled)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *title;

  field->form = self;
  field->key = g_strdup (key);
  field->input = input;
  field->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_name (field->box, key);

  if (labelled)
    {
      title = gtk_label_new_with_mnemonic (label);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_mnemonic_widget (GTK_LABEL (title), input);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (field->box), title);
    }
  gtk_box_append (GTK_BOX (field->box), input);

  field->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (field->error, 0);
  gtk_label_set_wrap (field->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (field->error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (field->error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (field->error), FALSE);
  gtk_box_append (GTK_BOX (field->box), GTK_WIDGET (field->error));

  {
    Field *old = g_hash_table_lookup (self->fields, key);

    if (old != NULL)
      {
        /* Left to its box's weak reference to free. */
        g_hash_table_steal (self->fields, key);
      }
  }
  g_hash_table_insert (self->fields, field->key, field);
  g_object_weak_ref (G_OBJECT (field->box), field_box_gone, field);

  return field;
}

static void
entry_changed (GtkEditable *editable,
               Field       *field)
{
  if (!field->form->updating)
    sb_wizard_form_set (field->form, field->key, gtk_editable_get_text (editable));
}

static void
entry_activated (GtkEntry *entry,
                 Field    *field)
{
  gtk_widget_activate_action (GTK_WIDGET (entry), "wizard.next", NULL);
}

static void
buffer_changed (GtkTextBuffer *buffer,
                Field         *field)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (field->form->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  sb_wizard_form_set (field->form, field->key, text);
}

static void
check_toggled (GtkCheckButton *check,
               Field          *field)
{
  if (!field->form->updating)
    sb_wizard_form_set (field->form, field->key, gtk_check_button_get_active (check) ? "1" : "0");
}

static void
choice_selected (GtkDropDown *drop_down,
                 GParamSpec  *pspec,
                 Field       *field)
{
  const char * const *ids = g_object_get_data (G_OBJECT (drop_down), "sb-ids");
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (field->form->updating)
    return;

  /* The first item is the prompt to choose. */
  sb_wizard_form_set (field->form, field->key,
                      selected == 0 || selected == GTK_INVALID_LIST_POSITION ? "" : ids[selected - 1]);
}

/* GObject */

static void
sb_wizard_form_dispose (GObject *object)
{
  SbWizardForm *self = SB_WIZARD_FORM (object);

  /* Nothing typed is lost: what is pending is saved now. */
  if (self->database != NULL && g_hash_table_size (self->pending) > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!sb_wizard_form_flush (self, &error))
        g_warning ("The draft could not be saved: %s", error->message);
    }
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sb_wizard_form_parent_class)->dispose (object);
}

static void
sb_wizard_form_finalize (GObject *object)
{
  SbWizardForm *self = SB_WIZARD_FORM (object);
  GHashTableIter iter;
  gpointer value;

  /* Fields still shown belong to their boxes' weak references. */
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Field *field = value;

      g_object_weak_unref (G_OBJECT (field->box), field_box_gone, field);
      g_hash_table_iter_steal (&iter);
      field_free (field);
    }
  g_hash_table_unref (self->fields);
  g_hash_table_unref (self->values);
  g_hash_table_unref (self->pending);

  G_OBJECT_CLASS (sb_wizard_form_parent_class)->finalize (object);
}

static void
sb_wizard_form_class_init (SbWizardFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_wizard_form_dispose;
  object_class->finalize = sb_wizard_form_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SbWizardForm::items-changed:
   * @prefix: the list
   * @added: the index of the item just added, or -1 when one was removed
   */
  signals[SIGNAL_ITEMS_CHANGED] =
    g_signal_new ("items-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
}

static void
sb_wizard_form_init (SbWizardForm *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) field_free);
}

/* Public API */

/**
 * sb_wizard_form_new:
 * @values: (transfer none): the draft's fields as loaded; the form keeps
 *   a reference and changes them
 */
SbWizardForm *
sb_wizard_form_new (SbDatabase *database,
                    gint64      draft_id,
                    GHashTable *values)
{
  SbWizardForm *self;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (SB_TYPE_WIZARD_FORM, NULL);
  self->database = g_object_ref (database);
  self->draft_id = draft_id;
  self->values = g_hash_table_ref (values);

  return self;
}

GHashTable *
sb_wizard_form_get_values (SbWizardForm *self)
{
  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  return self->values;
}

gint64
sb_wizard_form_get_draft_id (SbWizardForm *self)
{
  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), 0);

  return self->draft_id;
}

const char *
sb_wizard_form_get (SbWizardForm *self,
                    const char   *key)
{
  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), "");

  return sb_form_get (self->values, key);
}

/**
 * sb_wizard_form_set:
 * @value: (nullable): the new value; %NULL or "" removes the field
 *
 * Changes a value, shows it in its field if it has one, and saves it
 * shortly.
 */
void
sb_wizard_form_set (SbWizardForm *self,
                    const char   *key,
                    const char   *value)
{
  gint64 now;

  g_return_if_fail (SB_IS_WIZARD_FORM (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (sb_form_get (self->values, key), value) == 0)
    return;

  if (value[0] == '\0')
    g_hash_table_remove (self->values, key);
  else
    g_hash_table_insert (self->values, g_strdup (key), g_strdup (value));
  g_hash_table_insert (self->pending, g_strdup (key), g_strdup (value));

  /* Wait for a pause in the typing, but not for ever: one who types on
   * and on still has the text saved at least once a second. */
  now = g_get_monotonic_time ();
  if (self->save_id == 0)
    self->first_pending = now;
  if (self->save_id == 0 || now - self->first_pending < SB_WIZARD_SAVE_MAX_WAIT_MS * 1000)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      self->save_id = g_timeout_add (SB_WIZARD_SAVE_DELAY_MS, save_timeout, self);
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, key);
}

gboolean
sb_wizard_form_has_pending (SbWizardForm *self)
{
  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), FALSE);

  return g_hash_table_size (self->pending) > 0;
}

/**
 * sb_wizard_form_detach:
 *
 * Saves what is pending and stops listening to the fields: called before
 * the widgets are destroyed, which empties them.
 */
void
sb_wizard_form_detach (SbWizardForm *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SB_IS_WIZARD_FORM (self));

  self->updating = TRUE;
  if (!sb_wizard_form_flush (self, &error))
    g_warning ("The draft could not be saved: %s", error->message);
}

/**
 * sb_wizard_form_flush:
 *
 * Saves every change not yet saved, now.  What cannot be saved stays
 * pending, to be tried again with the next change.
 */
gboolean
sb_wizard_form_flush (SbWizardForm  *self,
                      GError       **error)
{
  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (g_hash_table_size (self->pending) == 0)
    return TRUE;

  if (!sb_draft_save_fields (self->database, self->draft_id, self->pending, error))
    return FALSE;

  g_hash_table_remove_all (self->pending);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);

  return TRUE;
}

static gboolean
parse_item_key (const char *key,
                const char *prefix,
                guint      *index,
                const char **suffix)
{
  gsize length = strlen (prefix);
  char *end = NULL;
  guint64 n;

  if (strncmp (key, prefix, length) != 0 || key[length] != '.' || !g_ascii_isdigit (key[length + 1]))
    return FALSE;

  n = g_ascii_strtoull (key + length + 1, &end, 10);
  if (*end != '.')
    return FALSE;

  *index = n;
  *suffix = end + 1;
  return TRUE;
}

/**
 * sb_wizard_form_remove_item:
 * @prefix: the list, e.g. "co" for the co-applicants
 *
 * Removes item @index of a list of items keyed PREFIX.N.SUFFIX, moves the
 * later ones up and lowers PREFIX.count.
 */
void
sb_wizard_form_remove_item (SbWizardForm *self,
                            const char   *prefix,
                            guint         index)
{
  g_autofree char *count_key = g_strconcat (prefix, ".count", NULL);
  g_autofree char *count_text = NULL;
  guint count = sb_form_get_count (self->values, count_key);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (SB_IS_WIZARD_FORM (self));

  if (index >= count)
    return;

  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *suffix;
      guint n;

      if (parse_item_key (key, prefix, &n, &suffix) && n >= index)
        g_ptr_array_add (keys, g_strdup (key));
    }

  /* Clear the removed and later items, then write the later ones back
   * one place up. */
  {
    g_autoptr(GHashTable) saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    for (guint i = 0; i < keys->len; i++)
      {
        const char *k = g_ptr_array_index (keys, i);

        g_hash_table_insert (saved, g_strdup (k), g_strdup (sb_form_get (self->values, k)));
        sb_wizard_form_set (self, k, "");
      }
    for (guint i = 0; i < keys->len; i++)
      {
        const char *k = g_ptr_array_index (keys, i);
        const char *suffix;
        guint n;

        if (parse_item_key (k, prefix, &n, &suffix) && n > index)
          {
            g_autofree char *moved = g_strdup_printf ("%s.%u.%s", prefix, n - 1, suffix);

            sb_wizard_form_set (self, moved, g_hash_table_lookup (saved, k));
          }
      }
  }

  count_text = g_strdup_printf ("%u", count - 1);
  sb_wizard_form_set (self, count_key, count - 1 > 0 ? count_text : "");
  g_signal_emit (self, signals[SIGNAL_ITEMS_CHANGED], 0, prefix, -1);
}

/**
 * sb_wizard_form_add_item:
 * @prefix: the list, e.g. "co" for the co-applicants
 *
 * Adds an empty item at the end of a list.
 *
 * Returns: its index
 */
guint
sb_wizard_form_add_item (SbWizardForm *self,
                         const char   *prefix)
{
  g_autofree char *count_key = g_strconcat (prefix, ".count", NULL);
  guint index = sb_form_get_count (self->values, count_key);
  g_autofree char *count_text = g_strdup_printf ("%u", index + 1);

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), 0);

  sb_wizard_form_set (self, count_key, count_text);
  g_signal_emit (self, signals[SIGNAL_ITEMS_CHANGED], 0, prefix, (int) index);

  return index;
}

static void
add_item_clicked (GtkButton    *button,
                  SbWizardForm *self)
{
  sb_wizard_form_add_item (self, g_object_get_data (G_OBJECT (button), "sb-list"));
}

static void
remove_item_clicked (GtkButton    *button,
                     SbWizardForm *self)
{
  sb_wizard_form_remove_item (self, g_object_get_data (G_OBJECT (button), "sb-list"),
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sb-index")));
}

/**
 * sb_wizard_form_add_button:
 * @prefix: the list
 * @label: the button's label, with a mnemonic
 *
 * Returns: (transfer floating): a button that adds an item to the list
 */
GtkWidget *
sb_wizard_form_add_button (SbWizardForm *self,
                           const char   *prefix,
                           const char   *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "sb-list", g_strdup (prefix), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_item_clicked), self, 0);

  return button;
}

/**
 * sb_wizard_form_item_header:
 * @prefix: the list
 * @index: the item
 * @title: the item's heading
 * @remove_label: the remove button's tooltip and accessible name
 *
 * Returns: (transfer floating): the item's heading, with a button that
 *   removes it
 */
GtkWidget *
sb_wizard_form_item_header (SbWizardForm *self,
                            const char   *prefix,
                            guint         index,
                            const char   *title,
                            const char   *remove_label)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = sb_wizard_page_heading (title);
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "sb-list", g_strdup (prefix), g_free);
  g_object_set_data (G_OBJECT (button), "sb-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_item_clicked), self, 0);
  gtk_box_append (GTK_BOX (header), button);

  return header;
}

/**
 * sb_wizard_form_entry:
 * @label: the field's label, with a mnemonic
 * @hint: (nullable): the placeholder
 *
 * Returns: (transfer floating): the field: label, entry and error
 */
GtkWidget *
sb_wizard_form_entry (SbWizardForm *self,
                      const char   *key,
                      const char   *label,
                      const char   *hint)
{
  GtkWidget *entry = gtk_entry_new ();
  Field *field;

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), sb_form_get (self->values, key));
  if (hint != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), hint);
  field = add_field (self, key, label, entry, TRUE);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed), field);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activated), field);

  return field->box;
}

/**
 * sb_wizard_form_text:
 *
 * Returns: (transfer floating): a multi-line field, where Enter starts a
 *   new line
 */
GtkWidget *
sb_wizard_form_text (SbWizardForm *self,
                     const char   *key,
                     const char   *label,
                     const char   *hint)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  Field *field;

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_text_buffer_set_text (buffer, sb_form_get (self->values, key), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  if (hint != NULL)
    gtk_widget_set_tooltip_text (view, hint);

  field = add_field (self, key, label, frame, TRUE);
  field->input = view;
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (field->box)), view);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed), field);

  return field->box;
}

/**
 * sb_wizard_form_check:
 *
 * Returns: (transfer floating): a check button storing "1" or "0"
 */
GtkWidget *
sb_wizard_form_check (SbWizardForm *self,
                      const char   *key,
                      const char   *label)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);
  Field *field;

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strcmp0 (sb_form_get (self->values, key), "1") == 0);
  field = add_field (self, key, label, check, FALSE);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), field);

  return field->box;
}

/**
 * sb_wizard_form_choice:
 * @ids: (array zero-terminated=1): the values, kept by the drop-down
 * @labels: (array zero-terminated=1): what the user sees, in order
 *
 * Returns: (transfer floating): a drop-down whose first item asks to
 *   choose
 */
GtkWidget *
sb_wizard_form_choice (SbWizardForm       *self,
                       const char         *key,
                       const char         *label,
                       const char * const *ids,
                       const char * const *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  const char *current = sb_form_get (self->values, key);
  guint selected = 0;
  Field *field;

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  gtk_string_list_append (model, _("Choose…"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (model, labels[i]);
      if (g_strcmp0 (ids[i], current) == 0)
        selected = i + 1;
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (drop_down), "sb-ids", g_strdupv ((char **) ids), (GDestroyNotify) g_strfreev);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  field = add_field (self, key, label, drop_down, TRUE);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (choice_selected), field);

  return field->box;
}

/**
 * sb_wizard_form_error_label:
 *
 * Returns: (transfer floating): an error line for a key that has no field
 *   of its own, e.g. "std.count" for an empty list
 */
GtkWidget *
sb_wizard_form_error_label (SbWizardForm *self,
                            const char   *key)
{
  Field *field;
  GtkWidget *placeholder = gtk_label_new (NULL);

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  gtk_widget_set_visible (placeholder, FALSE);
  field = add_field (self, key, NULL, placeholder, FALSE);

  return field->box;
}

GtkWidget *
sb_wizard_form_get_input (SbWizardForm *self,
                          const char   *key)
{
  Field *field;

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  field = g_hash_table_lookup (self->fields, key);

  return field != NULL ? field->input : NULL;
}

static gboolean
has_any_prefix (const char         *key,
                const char * const *prefixes)
{
  for (guint i = 0; prefixes != NULL && prefixes[i] != NULL; i++)
    if (g_str_has_prefix (key, prefixes[i]))
      return TRUE;

  return FALSE;
}

/**
 * sb_wizard_form_show_errors:
 * @errors: (element-type SbFieldError): the errors of a step
 * @prefixes: (array zero-terminated=1): only the fields whose keys
 *   start with one of these: the step's
 * @show_missing: whether to point at required fields left empty too
 *
 * Puts each error under its field and clears the others.
 *
 * Returns: (transfer none) (nullable): the first field with an error shown
 */
GtkWidget *
sb_wizard_form_show_errors (SbWizardForm *self,
                            GPtrArray          *errors,
                            const char * const *prefixes,
                            gboolean            show_missing)
{
  GtkWidget *first = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SB_IS_WIZARD_FORM (self), NULL);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Field *field = value;
      const SbFieldError *error;
      gboolean shown;

      if (!has_any_prefix (field->key, prefixes))
        continue;

      error = sb_field_errors_find (errors, field->key);
      shown = error != NULL && (show_missing || !error->missing);

      /* Avoid relayouts while typing when nothing changes. */
      if (shown && g_strcmp0 (gtk_label_get_label (field->error), error->message) != 0)
        gtk_label_set_label (field->error, error->message);
      if (gtk_widget_get_visible (GTK_WIDGET (field->error)) != shown)
        gtk_widget_set_visible (GTK_WIDGET (field->error), shown);

      if (shown)
        {
          gtk_widget_add_css_class (field->input, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (field->input),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
        }
      else if (gtk_widget_has_css_class (field->input, "error"))
        {
          gtk_widget_remove_css_class (field->input, "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }

  /* The first in the step's order, not the table's. */
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const SbFieldError *error = g_ptr_array_index (errors, i);
      Field *field = g_hash_table_lookup (self->fields, error->key);

      if (field != NULL && (show_missing || !error->missing)
          && has_any_prefix (error->key, prefixes))
        {
          first = field->input;
          break;
        }
    }

  return first;
}

/* Page building */

void
sb_wizard_page_clear (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
page_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
sb_wizard_page_intro (const char *text)
{
  return page_label (text, "dim-label");
}

GtkWidget *
sb_wizard_page_heading (const char *text)
{
  return page_label (text, "title-4");
}

/* Fields side by side, of equal width. */
GtkWidget *
sb_wizard_page_row (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);

  return box;
}

/* One value of a summary step, “—” when blank, at most @lines lines. */
void
sb_wizard_summary_row (GtkWidget  *group,
                       const char *title,
                       const char *value,
                       int         lines)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped = g_markup_escape_text (sb_form_is_blank (value) ? "—" : value, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), lines);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}
