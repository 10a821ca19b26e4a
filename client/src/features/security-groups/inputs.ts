// The inputs of the security group actions, declared apart from actions.ts so the forms that edit them need not
// import the declarations that render those forms.

export interface GroupSettings {
  name: string;
  description: string;
}
