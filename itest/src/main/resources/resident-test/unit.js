// A test programme's part of the unit page (ResidentPagesIT): served from the itest bundle at /resident-pages/.
export default { mount(element, ctx) { element.textContent = `resident part of ${ctx.programme.id}`; } };
