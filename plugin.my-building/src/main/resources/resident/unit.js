export default { mount() {} };
